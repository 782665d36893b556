import MediaYAML

/// The edits of `mediactl pin`: a key the config does not state yet (an app's `image`, `chart.version`) is added
/// with the value mediactl would use anyway, and every other byte stays as it was.
extension ConfigEditor {
    /// The text with `image: <reference>` added to app `app`, which has no `image` key yet. In a block mapping the
    /// line goes before the first key that `Docs/Config.md` lists after `image` (above that key's comments), else
    /// before the first key; an empty `plex:` or `plex: {}` becomes a block with that one line.
    public func addingImage(_ reference: String, to app: String) throws(Failure) -> String {
        guard let apps = root.pairs?.first(where: { $0.keyText == "apps" }) else {
            throw Failure(position: root.position, message: "the config has no 'apps' mapping")
        }
        guard let entry = apps.value.pairs?.first(where: { $0.keyText == app }) else {
            throw Failure(position: apps.key.position, message: "no app '\(app)' under 'apps'")
        }
        if entry.value.pairs?.contains(where: { $0.keyText == "image" }) == true {
            throw Failure(position: entry.key.position, message: "app '\(app)' already states its image")
        }
        let unit = max(2, entry.key.position.column - apps.key.position.column)
        return try adding(
            "image", try Self.scalarText(reference), to: entry, in: apps.value, named: "app '\(app)'",
            indentUnit: unit, before: Self.keys(after: "image", in: ConfigKeys.app.names))
    }

    /// The text with `chart.version: <version>` added: into `chart` when the config has it (without a `version`),
    /// else as a new `chart:` block before the first top-level key `Docs/Config.md` lists after `chart`.
    public func addingChartVersion(_ version: String) throws(Failure) -> String {
        guard let pairs = root.pairs else {
            throw Failure(position: root.position, message: "the config's top level is not a mapping")
        }
        let value = try Self.scalarText(version)
        if let chart = pairs.first(where: { $0.keyText == "chart" }) {
            if chart.value.pairs?.contains(where: { $0.keyText == "version" }) == true {
                throw Failure(position: chart.key.position, message: "'chart' already states its version")
            }
            return try adding(
                "version", value, to: chart, in: root, named: "'chart'", indentUnit: indentUnit(), before: ["source"])
        }
        var text = Array(source.unicodeScalars)
        let lines = LineIndex(text)
        if text.indices.contains(lines.offset(of: root.position)), text[lines.offset(of: root.position)] == "{" {
            throw Failure(
                position: root.position, message: "the config's top level is a flow mapping; add 'chart' by hand")
        }
        let later = Self.keys(after: "chart", in: ConfigKeys.root.names)
        let indent = String(repeating: " ", count: indentUnit())
        let block = "chart:\(lines.newline)\(indent)version: \(value)\(lines.newline)"
        if let target = pairs.first(where: { later.contains($0.keyText) }) {
            text.insert(contentsOf: block.unicodeScalars, at: lines.offset(ofLineAbove: target.key, in: text))
        } else {
            let prefix = text.isEmpty || text.last == "\n" ? "" : lines.newline
            text.append(contentsOf: (prefix + block).unicodeScalars)
        }
        return Self.string(text)
    }

    /// `key: value` added to the mapping that is `entry`'s value (see ``addingImage(_:to:)``): in a block mapping
    /// before the first of `later` it has (else before its first key), first in a flow mapping. `parent` is the
    /// mapping that holds `entry`: in a flow mapping, an empty value becomes a flow mapping too.
    private func adding(
        _ key: String, _ value: String, to entry: YAMLPair, in parent: YAMLNode, named name: String,
        indentUnit unit: Int, before later: [String]
    ) throws(Failure) -> String {
        var text = Array(source.unicodeScalars)
        let lines = LineIndex(text)
        let node = entry.value
        let parentStart = lines.offset(of: parent.position)
        let inFlow = text.indices.contains(parentStart) && text[parentStart] == "{"
        let keyLine = entry.key.position.line
        let blockLine = String(repeating: " ", count: entry.key.position.column - 1 + unit) + "\(key): \(value)"
        if let pairs = node.pairs {
            let open = lines.offset(of: node.position)
            if text.indices.contains(open), text[open] == "{" {
                let close = text[open...].firstIndex(of: "}")
                if pairs.isEmpty, !inFlow, let close, !text[open..<close].contains("\n") {
                    // `plex: {}`: the braces (and the spaces before them) give way to a block below the key.
                    text.insert(
                        contentsOf: (blockLine + lines.newline).unicodeScalars, at: lines.startOfLine(after: keyLine))
                    var from = open
                    while from > 0, text[from - 1] == " " { from -= 1 }
                    text.removeSubrange(from...close)
                } else {
                    text.insert(contentsOf: "\(key): \(value)\(pairs.isEmpty ? "" : ", ")".unicodeScalars, at: open + 1)
                }
            } else {
                let target = pairs.first { later.contains($0.keyText) } ?? pairs[0]
                let indent = String(repeating: " ", count: target.key.position.column - 1)
                text.insert(
                    contentsOf: "\(indent)\(key): \(value)\(lines.newline)".unicodeScalars,
                    at: lines.offset(ofLineAbove: target.key, in: text, below: keyLine))
            }
        } else if let scalar = node.scalar, scalar.isNull {
            if scalar.text.isEmpty, inFlow {
                let at = lines.offset(of: node.position)
                let space = at > 0 && text[at - 1] == " " ? "" : " "
                text.insert(contentsOf: "\(space){\(key): \(value)}".unicodeScalars, at: at)
            } else if scalar.text.isEmpty {
                // `plex:` with nothing after it: an indented line below the key.
                let next = lines.startOfLine(after: keyLine)
                let prefix = next == text.count && text.last != "\n" ? lines.newline : ""
                text.insert(contentsOf: (prefix + blockLine + lines.newline).unicodeScalars, at: next)
            } else {
                let start = lines.offset(of: node.position)
                text.replaceSubrange(
                    start..<start + scalar.text.unicodeScalars.count, with: "{\(key): \(value)}".unicodeScalars)
            }
        } else {
            throw Failure(position: node.position, message: "\(name) is not a mapping")
        }
        return Self.string(text)
    }

    /// The indentation step of the config's block mappings: that of the first app under `apps`, else 2.
    private func indentUnit() -> Int {
        guard let apps = root.pairs?.first(where: { $0.keyText == "apps" }), let first = apps.value.pairs?.first,
            first.key.position.line > apps.key.position.line
        else { return 2 }
        return max(1, first.key.position.column - apps.key.position.column)
    }

    /// `text` as the emitter writes it as a plain or quoted scalar on one line.
    private static func scalarText(_ text: String) throws(Failure) -> String {
        let emitted = YAMLEmitter().emit(.string(text))
        guard emitted.hasSuffix("\n"), !emitted.dropLast().contains("\n") else {
            throw Failure(position: nil, message: "'\(text)' does not fit on one line")
        }
        return String(emitted.dropLast())
    }

    /// The keys listed after `key` in `keys`.
    private static func keys(after key: String, in keys: [String]) -> [String] {
        Array(keys.drop { $0 != key }.dropFirst())
    }

    private static func string(_ scalars: [Unicode.Scalar]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}

extension LineIndex {
    /// The start of the line of `key`, or of the comment lines right above it (they belong to it), never at or
    /// above line `floor`.
    func offset(ofLineAbove key: YAMLNode, in text: [Unicode.Scalar], below floor: Int = 0) -> Int {
        var line = key.position.line
        while line - 1 > floor, line - 1 >= 1, isComment(line: line - 1, in: text) { line -= 1 }
        return offset(of: SourcePosition(line: line, column: 1))
    }

    /// Whether line `line` (1-based) holds only a comment.
    private func isComment(line: Int, in text: [Unicode.Scalar]) -> Bool {
        var offset = offset(of: SourcePosition(line: line, column: 1))
        while offset < text.count, text[offset] == " " { offset += 1 }
        return offset < text.count && text[offset] == "#"
    }
}
