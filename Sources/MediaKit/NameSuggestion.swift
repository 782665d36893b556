/// "Did you mean …?" for names: the closest candidate by edit distance, when it is close enough.
public enum NameSuggestion {
    /// The candidate nearest to `input`, if its distance is at most a third of the longer length
    /// (at least 1, at most 3). Ties go to the earlier candidate.
    public static func nearest(to input: String, in candidates: some Sequence<String>) -> String? {
        var best: (candidate: String, distance: Int)?
        let lowered = input.lowercased()
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            let limit = min(3, max(1, max(input.count, candidate.count) / 3))
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// The Levenshtein distance between two strings, counting Unicode scalars; adjacent swaps cost 1.
    public static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.unicodeScalars)
        let b = Array(rhs.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
