/// A unified diff (`diff -u` format, three lines of context) between two texts, as `mediactl diff` prints
/// it and `git apply` reads it.
public struct UnifiedDiff: Sendable {
    /// The name of the old side (`a/path`, or `/dev/null` for a new file).
    public var oldName: String
    /// The name of the new side (`b/path`, or `/dev/null` for a removed file).
    public var newName: String
    /// Lines of context around each change.
    public var context = 3

    /// A diff between files called `oldName` and `newName`.
    public init(oldName: String, newName: String) {
        self.oldName = oldName
        self.newName = newName
    }

    /// The diff of `old` and `new` (nil for a missing file), or an empty string when they are equal.
    public func text(from old: String?, to new: String?) -> String {
        let a = Self.lines(old)
        let b = Self.lines(new)
        guard a != b else { return "" }
        let edits = Self.edits(a, b)
        var out = "--- \(oldName)\n+++ \(newName)\n"
        for hunk in hunks(edits) {
            let oldStart = hunk.first.map { $0.oldIndex } ?? 0
            let newStart = hunk.first.map { $0.newIndex } ?? 0
            let oldCount = hunk.filter { $0.kind != "+" }.count
            let newCount = hunk.filter { $0.kind != "-" }.count
            out += "@@ -\(Self.range(oldStart, oldCount)) +\(Self.range(newStart, newCount)) @@\n"
            for edit in hunk { out += "\(edit.kind)\(edit.text)\n" }
        }
        return out
    }

    private struct Edit {
        var kind: Character
        var text: String
        /// 0-based positions of this line (or where it would be) in the old and new text.
        var oldIndex: Int
        var newIndex: Int
    }

    private static func lines(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// `-a,b` / `+c,d` ranges are 1-based; an empty range names the line before it.
    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }

    /// The edit script by longest common subsequence; texts too large for the table become one replacement.
    private static func edits(_ a: [String], _ b: [String]) -> [Edit] {
        var edits: [Edit] = []
        guard a.count * b.count <= 4_000_000 else {
            edits += a.enumerated().map { Edit(kind: "-", text: $0.element, oldIndex: $0.offset, newIndex: 0) }
            edits += b.enumerated().map { Edit(kind: "+", text: $0.element, oldIndex: a.count, newIndex: $0.offset) }
            return edits
        }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append(Edit(kind: " ", text: a[i], oldIndex: i, newIndex: j))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                edits.append(Edit(kind: "-", text: a[i], oldIndex: i, newIndex: j))
                i += 1
            } else {
                edits.append(Edit(kind: "+", text: b[j], oldIndex: i, newIndex: j))
                j += 1
            }
        }
        return edits
    }

    /// Changed lines with their context, overlapping groups joined.
    private func hunks(_ edits: [Edit]) -> [[Edit]] {
        let changed = edits.indices.filter { edits[$0].kind != " " }
        var ranges: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(edits.count - 1, index + context)
            if let last = ranges.last, range.lowerBound <= last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        return ranges.map { Array(edits[$0]) }
    }
}
