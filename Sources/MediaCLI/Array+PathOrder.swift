import MediaKit

extension Array {
    /// Whether the `path` of each element sorts strictly after the one before it, by UTF-8 bytes: the order
    /// of the rendered files and of a walk's files, which the plan pairs in one pass.
    func isStrictlyInByteOrder(of path: (Element) -> String) -> Bool {
        indices.dropFirst().allSatisfy { path(self[$0 - 1]).precedesInByteOrder(path(self[$0])) }
    }

    /// Removes each element that `isRepeat` of the one kept before it.
    mutating func removeRepeats(_ isRepeat: (Element, Element) -> Bool) {
        guard count > 1 else { return }
        var kept = 1
        for index in 1..<count where !isRepeat(self[kept - 1], self[index]) {
            swapAt(kept, index)
            kept += 1
        }
        removeLast(count - kept)
    }
}
