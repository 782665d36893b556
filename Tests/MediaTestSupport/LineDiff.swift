/// A small in-process line diff for test failures.
public enum LineDiff {
    /// Lines of `old` and `new` as a unified-style diff with two lines of context (`-` old, `+` new).
    /// Inputs longer than 4,000 lines are compared from their first difference only.
    public static func unified(_ old: String, _ new: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard a.count <= 4_000, b.count <= 4_000 else {
            let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            return
                "first difference at line \(first + 1):\n- \(a[safe: first] ?? "<end>")\n+ \(b[safe: first] ?? "<end>")"
        }
        // Longest common subsequence table, from the end.
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var lines: [(Character, String)] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                lines.append((" ", a[i]))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                lines.append(("-", a[i]))  // deletions first on a tie, as unified diffs print them
                i += 1
            } else {
                lines.append(("+", b[j]))
                j += 1
            }
        }
        let changed = Set(lines.indices.filter { lines[$0].0 != " " })
        let shown = lines.indices.filter { index in (index - 2...index + 2).contains { changed.contains($0) } }
        var out: [String] = []
        var previous: Int?
        for index in shown {
            if let previous, index != previous + 1 { out.append("…") }
            out.append("\(lines[index].0) \(lines[index].1)")
            previous = index
        }
        return out.joined(separator: "\n")
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
