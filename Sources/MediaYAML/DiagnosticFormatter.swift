/// Prints diagnostics the way compilers do: `path:line:col: error: message`, then the source line
/// and a caret under the column.
///
/// ```
/// mediactl.yaml:7:5: error: unknown key 'storag' in app 'jellyfin'; did you mean 'storage'?
///     storag: 10Gi
///     ^
/// ```
public struct DiagnosticFormatter: Sendable {
    /// The path printed before each position, as the user named the file.
    public var path: String
    /// Whether to colour the severity with ANSI escapes.
    public var usesColor: Bool
    private let lines: [Substring]

    /// Creates a formatter for diagnostics about `source`, a text the user knows as `path`.
    public init(path: String, source: String, usesColor: Bool = false) {
        self.path = path
        self.usesColor = usesColor
        self.lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
    }

    /// The text of one diagnostic, ending in a newline.
    public func format(_ diagnostic: Diagnostic) -> String {
        let severity = diagnostic.severity.rawValue
        let label: String
        if usesColor {
            let color = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
            label = "\(color)\(severity):\u{1B}[0m"
        } else {
            label = "\(severity):"
        }
        let path = Self.escaped(self.path)
        let message = Self.escaped(diagnostic.message)
        guard let position = diagnostic.position else {
            return "\(path): \(label) \(message)\n"
        }
        var text = "\(path):\(position): \(label) \(message)\n"
        if position.line >= 1, position.line <= lines.count {
            let line = lines[position.line - 1]
            text += printable(line) + "\n" + caret(under: line, column: position.column) + "\n"
        }
        return text
    }

    /// The text of every diagnostic, in the order given.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined()
    }

    /// `text` with every character that could garble or rewrite a terminal shown as an escape: `\n`, `\r`,
    /// `\t`, and `\u{1B}` for the others (C0 and C1 controls, DEL, line and paragraph separators, the byte
    /// order mark, and the bidirectional controls that reorder what is shown). Messages quote values from
    /// the config, which a double-quoted string can fill with any of them.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars { result += escaped(scalar) }
        return result
    }

    /// How `scalar` is printed: itself, or its escape.
    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        guard needsEscape(scalar) else { return String(scalar) }
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// Whether `scalar` is shown escaped.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF: true
        // Bidirectional marks, embeddings, overrides and isolates.
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The source line with every character that needs it escaped, except tabs, which stay so the caret
    /// line can repeat them.
    private func printable(_ line: Substring) -> String {
        var result = ""
        for scalar in line.unicodeScalars { result += scalar == "\t" ? "\t" : Self.escaped(scalar) }
        return result
    }

    /// Spaces up to the column, as wide as what ``printable(_:)`` shows for each character before it (tabs
    /// where the source has tabs), then `^`.
    private func caret(under line: Substring, column: Int) -> String {
        var padding = ""
        for (offset, scalar) in line.unicodeScalars.enumerated() where offset < column - 1 {
            padding += scalar == "\t" ? "\t" : String(repeating: " ", count: Self.escaped(scalar).unicodeScalars.count)
        }
        let missing = max(0, column - 1 - line.unicodeScalars.count)
        return padding + String(repeating: " ", count: missing) + "^"
    }
}
