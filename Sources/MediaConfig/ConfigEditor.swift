import MediaYAML

/// Minimal in-place edits of `mediactl.yaml` text: `enable` and `disable` change or insert one app's
/// `enabled:` value and leave every other byte as it was (comments, order, quoting, blank lines).
public struct ConfigEditor: Sendable {
    /// Why an edit cannot be made, located in the config.
    public struct Failure: Error, Sendable {
        /// Where the problem is.
        public let position: SourcePosition?
        /// What went wrong, in the usual diagnostic style.
        public let message: String
    }

    /// The config's text.
    public let source: String
    /// The config's node tree, read from ``source``.
    public let root: YAMLNode

    /// An editor of `source`, whose tree is `root`.
    public init(source: String, root: YAMLNode) {
        self.source = source
        self.root = root
    }

    /// The text with `apps.<app>.enabled` set to `enabled`; the same text when it already says so, which
    /// includes enabling an app without an `enabled` key (apps are enabled by default: writing
    /// `enabled: true` would change the file and nothing else).
    public func settingEnabled(_ enabled: Bool, for app: String) throws(Failure) -> String {
        let value = enabled ? "true" : "false"
        guard let apps = root.pairs?.first(where: { $0.keyText == "apps" }) else {
            throw Failure(position: root.position, message: "the config has no 'apps' mapping")
        }
        guard let entry = apps.value.pairs?.first(where: { $0.keyText == app }) else {
            throw Failure(position: apps.key.position, message: "no app '\(app)' under 'apps'")
        }
        let node = entry.value
        let hasKey = node.pairs?.contains { $0.keyText == "enabled" } == true
        if enabled, !hasKey, node.pairs != nil || node.scalar?.isNull == true { return source }
        var text = Array(source.unicodeScalars)
        let lines = LineIndex(text)
        if let pairs = node.pairs {
            if let current = pairs.first(where: { $0.keyText == "enabled" }) {
                // The decoder accepts only plain `true`/`false` here, so the scalar's text is its source.
                guard let scalar = current.value.scalar, scalar.style == .plain, !scalar.text.isEmpty else {
                    throw Failure(
                        position: current.value.position, message: "'enabled' of app '\(app)' is not true or false")
                }
                if scalar.text == value { return source }
                let start = lines.offset(of: current.value.position)
                text.replaceSubrange(start..<start + scalar.text.unicodeScalars.count, with: value.unicodeScalars)
            } else if text[lines.offset(of: node.position)] == "{" {
                let open = lines.offset(of: node.position) + 1
                text.insert(contentsOf: "enabled: \(value)\(pairs.isEmpty ? "" : ", ")".unicodeScalars, at: open)
            } else if let first = pairs.first {
                let lineStart = lines.offset(of: SourcePosition(line: first.key.position.line, column: 1))
                let indent = String(repeating: " ", count: first.key.position.column - 1)
                text.insert(contentsOf: "\(indent)enabled: \(value)\(lines.newline)".unicodeScalars, at: lineStart)
            }
        } else if let scalar = node.scalar, scalar.isNull {
            if scalar.text.isEmpty {
                // `plex:` with nothing after it: add an indented block line below the key.
                let unit = max(2, entry.key.position.column - apps.key.position.column)
                let indent = String(repeating: " ", count: entry.key.position.column - 1 + unit)
                let next = lines.startOfLine(after: entry.key.position.line)
                let prefix = next == text.count && text.last != "\n" ? lines.newline : ""
                text.insert(contentsOf: "\(prefix)\(indent)enabled: \(value)\(lines.newline)".unicodeScalars, at: next)
            } else {
                let start = lines.offset(of: node.position)
                text.replaceSubrange(
                    start..<start + scalar.text.unicodeScalars.count, with: "{enabled: \(value)}".unicodeScalars)
            }
        } else {
            throw Failure(position: node.position, message: "app '\(app)' is not a mapping")
        }
        var edited = String.UnicodeScalarView()
        edited.append(contentsOf: text)
        return String(edited)
    }
}

/// Offsets of line starts in a scalar array, to turn 1-based positions into offsets.
struct LineIndex {
    let starts: [Int]
    let count: Int
    /// The file's line ending: `\r\n` when it uses them, else `\n`.
    let newline: String

    init(_ text: [Unicode.Scalar]) {
        var starts = [0]
        for (offset, scalar) in text.enumerated() where scalar == "\n" { starts.append(offset + 1) }
        self.starts = starts
        count = text.count
        newline = zip(text, text.dropFirst()).contains { $0 == "\r" && $1 == "\n" } ? "\r\n" : "\n"
    }

    func offset(of position: SourcePosition) -> Int {
        min(count, starts[min(position.line - 1, starts.count - 1)] + position.column - 1)
    }

    func startOfLine(after line: Int) -> Int { line < starts.count ? starts[line] : count }
}
