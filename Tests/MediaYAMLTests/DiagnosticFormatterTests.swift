import MediaYAML
import Testing

/// What reaches the terminal: control, bidirectional and separator characters from the config are shown as
/// escapes in the path, the message and the source line, and the caret still points at its column.
@Suite("diagnostic formatter")
struct DiagnosticFormatterTests {
    @Test("escape sequences in messages are shown escaped, never sent to the terminal")
    func messages() {
        let formatter = DiagnosticFormatter(path: "m\u{1B}[2J.yaml", source: "a: 1\n")
        let text = formatter.format(
            Diagnostic(.error, at: nil, "app '\u{1B}]0;title\u{07}x\u{202E}y' has\ta\nline\r\u{85}\u{2028}\u{FEFF}"))
        #expect(
            text
                == "m\\u{1B}[2J.yaml: error: app '\\u{1B}]0;title\\u{7}x\\u{202E}y' has\\ta\\nline\\r\\u{85}\\u{2028}"
                + "\\u{FEFF}\n")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(DiagnosticFormatter.escaped("plain héllo 日本") == "plain héllo 日本")
    }

    @Test("the caret lines up under its column after escaped characters, and tabs stay tabs")
    func caret() {
        let source = "a: {x: \"\u{202E}\u{2066}\", y: 1}\n\tb: 2\n"
        let formatter = DiagnosticFormatter(path: "m.yaml", source: source)
        let text = formatter.format([
            Diagnostic(.error, at: SourcePosition(line: 1, column: 14), "here"),
            Diagnostic(.warning, at: SourcePosition(line: 2, column: 2), "there"),
        ])
        #expect(
            text == """
                m.yaml:1:14: error: here
                a: {x: "\\u{202E}\\u{2066}", y: 1}
                                           ^
                m.yaml:2:2: warning: there
                \tb: 2
                \t^

                """)
    }
}
