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
        guard let position = diagnostic.position else {
            return "\(path): \(label) \(diagnostic.message)\n"
        }
        var text = "\(path):\(position): \(label) \(diagnostic.message)\n"
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

    /// The source line with characters that would garble a terminal shown as `?`.
    private func printable(_ line: Substring) -> String {
        String(
            String.UnicodeScalarView(
                line.unicodeScalars.map { scalar in
                    scalar == "\t" || !isControl(scalar) ? scalar : "?"
                }))
    }

    /// Spaces up to the column (tabs where the source has tabs, so the caret lines up), then `^`.
    private func caret(under line: Substring, column: Int) -> String {
        var padding = ""
        for (offset, scalar) in line.unicodeScalars.enumerated() where offset < column - 1 {
            padding.append(scalar == "\t" ? "\t" : " ")
        }
        let missing = max(0, column - 1 - line.unicodeScalars.count)
        return padding + String(repeating: " ", count: missing) + "^"
    }

    private func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
            || scalar.value == 0x2029 || scalar.value == 0xFEFF
    }
}
