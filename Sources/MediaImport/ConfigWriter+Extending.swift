import MediaKit
import MediaYAML

/// Extending an existing `mediactl.yaml`: new apps go at the end of `apps:`, new shared volumes at the end of
/// `storage.volumes`, new hand-written namespaces at the end of `repo.handWrittenNamespaces`; every other byte
/// stays as it was. Sections written as flow collections are not extended: nil then.
extension ConfigWriter {
    /// `text` (whose tree is `root` and whose stack is `previous`) with `apps` and what `stack` adds to `previous`;
    /// nil when a section to extend is a flow collection.
    static func extended(
        _ text: String, root: YAMLNode, apps: [(String, YAMLValue)], stack: Stack, previous: Stack
    ) -> String? {
        var editor = LineEditor(text)
        let newVolumes = stack.storage.volumes.filter { previous.storage.volumes[$0.key] == nil }
        if !newVolumes.isEmpty {
            guard editor.append(.mapping(volumeEntries(newVolumes)), at: ["storage", "volumes"], in: root) else {
                return nil
            }
        }
        let namespaces = stack.repo.handWrittenNamespaces.filter { !previous.repo.handWrittenNamespaces.contains($0) }
        if !namespaces.isEmpty {
            guard
                editor.append(
                    .sequence(namespaces.map { .string($0) }), at: ["repo", "handWrittenNamespaces"], in: root)
            else { return nil }
        }
        guard editor.append(.mapping(YAMLMapping(apps)), at: ["apps"], in: root) else { return nil }
        return editor.text
    }
}

/// Line-based insertion into block-style YAML, from the reader's positions. Insertions are made from the end of the
/// text backwards, so earlier positions stay valid.
private struct LineEditor {
    private var lines: [String]
    private let newline: String
    /// Insertions by line index (0-based: insert before that line), applied when ``text`` is read.
    private var insertions: [(line: Int, text: [String])] = []

    init(_ text: String) {
        newline = text.contains("\r\n") ? "\r\n" : "\n"
        var split = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        if split.last == "" { split.removeLast() }
        lines = split
    }

    var text: String {
        var result = lines
        for insertion in insertions.sorted(by: { $0.line > $1.line }) {
            result.insert(contentsOf: insertion.text, at: min(insertion.line, result.count))
        }
        return result.joined(separator: newline) + newline
    }

    /// Appends `value`'s entries (a mapping's pairs or a sequence's items) to the block at `path`, creating the keys
    /// on the way that are missing. False when a collection on the way is a flow collection.
    mutating func append(_ value: YAMLValue, at path: [String], in root: YAMLNode) -> Bool {
        var node = root
        var parentIndent = -1
        var end = lines.count
        for (depth, key) in path.enumerated() {
            guard let pairs = node.pairs else { return false }
            guard let index = pairs.firstIndex(where: { $0.keyText == key }) else {
                // Create the rest of the path at the end of this mapping.
                let indent = pairs.first.map { $0.key.position.column - 1 } ?? (parentIndent + 2)
                if depth > 0, !isBlock(node) { return false }
                var nested = value
                for missing in path[depth...].reversed() { nested = .mapping(YAMLMapping([(missing, nested)])) }
                insert(nested, indent: indent, before: lastContentLine(before: end, deeperThan: parentIndent) + 1)
                return true
            }
            let pair = pairs[index]
            if index + 1 < pairs.count { end = pairs[index + 1].key.position.line - 1 }
            parentIndent = pair.key.position.column - 1
            node = pair.value
        }
        if node.isNull {
            insert(
                value, indent: parentIndent + 2, before: lastContentLine(before: end, deeperThan: parentIndent - 1) + 1)
            return true
        }
        guard isBlock(node) else { return false }
        let indent: Int
        switch node.content {
        case .mapping(let pairs): indent = (pairs.first?.key.position.column ?? parentIndent + 3) - 1
        case .sequence(let items): indent = (items.first?.position.column ?? parentIndent + 5) - 3
        case .scalar: return false
        }
        insert(value, indent: indent, before: lastContentLine(before: end, deeperThan: parentIndent) + 1)
        return true
    }

    /// Whether a collection node is written in block style (its first character is not a bracket).
    private func isBlock(_ node: YAMLNode) -> Bool {
        let line = node.position.line - 1
        guard line >= 0, line < lines.count else { return false }
        let characters = Array(lines[line])
        let column = node.position.column - 1
        guard column < characters.count else { return true }
        return characters[column] != "{" && characters[column] != "["
    }

    /// The 0-based index of the last line before line `end` (1-based, inclusive) that belongs to a block indented
    /// more than `indent`: blank lines and comments at or left of the parent's indentation are not part of it.
    private func lastContentLine(before end: Int, deeperThan indent: Int) -> Int {
        var index = min(end, lines.count) - 1
        while index >= 0 {
            let line = lines[index]
            let stripped = line.drop { $0 == " " }
            let column = line.count - stripped.count
            if !stripped.isEmpty, !(stripped.hasPrefix("#") && column <= indent + 1) { break }
            index -= 1
        }
        return index
    }

    private mutating func insert(_ value: YAMLValue, indent: Int, before line: Int) {
        let emitted = YAMLEmitter().emit(value)
        var text = emitted.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.last == "" { text.removeLast() }
        let prefix = String(repeating: " ", count: max(0, indent))
        insertions.append((line, text.map { $0.isEmpty ? $0 : prefix + $0 }))
    }
}
