/// Turns a ``YAMLValue`` into JSON text, for the generated files that are JSON (the config's JSON Schema) or
/// JSON5 (the Renovate preset): a JSON document is a YAML document in flow style, so the renderer builds both
/// from the same values.
///
/// Output rules: 2-space indentation, `"key": value`, one member or item per line, empty collections as `{}`
/// and `[]`, mappings in their own order, `\n` line endings and one final newline. Strings escape `"`, `\`
/// and the characters below U+0020 (as `\n`, `\t`… or `\u00XX`), plus U+2028 and U+2029, which JavaScript
/// read as line ends before ES2019; everything else stays as it is, UTF-8. Comments are not written.
public struct JSONEmitter: Sendable {
    /// Creates an emitter.
    public init() {}

    /// `value` as a JSON document.
    public func emit(_ value: YAMLValue) -> String {
        var out = ""
        write(value, indent: 0, to: &out)
        out += "\n"
        return out
    }

    private func write(_ value: YAMLValue, indent: Int, to out: inout String) {
        switch value {
        case .string(let text): out += Self.quoted(text)
        case .integer(let number): out += String(number)
        case .boolean(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .sequence(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "[\n"
            for (offset, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                write(item, indent: indent + 2, to: &out)
                out += offset == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .mapping(let mapping):
            guard !mapping.isEmpty else {
                out += "{}"
                return
            }
            out += "{\n"
            for (offset, entry) in mapping.entries.enumerated() {
                out += String(repeating: " ", count: indent + 2) + Self.quoted(entry.key) + ": "
                write(entry.value, indent: indent + 2, to: &out)
                out += offset == mapping.entries.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    /// `text` as a JSON string literal.
    public static func quoted(_ text: String) -> String {
        // Most strings have nothing to escape: taken whole (0xE2 leads U+2028 and U+2029, among others).
        let needsEscape = text.utf8.contains {
            $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2
        }
        if !needsEscape { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
