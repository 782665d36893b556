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
        var out = YAMLOutput()
        write(value, indent: 0, to: &out)
        out.append(ascii: "\n")
        return out.text
    }

    private func write(_ value: YAMLValue, indent: Int, to out: inout YAMLOutput) {
        switch value {
        case .string(let text): Self.writeQuoted(text, to: &out)
        case .integer(let number): out += String(number)
        case .boolean(let flag): out.append(literal: flag ? "true" : "false")
        case .null: out.append(literal: "null")
        case .sequence(let items):
            guard !items.isEmpty else {
                out.append(literal: "[]")
                return
            }
            out.append(literal: "[\n")
            for (offset, item) in items.enumerated() {
                out.appendSpaces(indent + 2)
                write(item, indent: indent + 2, to: &out)
                out.append(literal: offset == items.count - 1 ? "\n" : ",\n")
            }
            out.appendSpaces(indent)
            out.append(ascii: "]")
        case .mapping(let mapping):
            guard !mapping.isEmpty else {
                out.append(literal: "{}")
                return
            }
            out.append(literal: "{\n")
            for (offset, entry) in mapping.entries.enumerated() {
                out.appendSpaces(indent + 2)
                Self.writeQuoted(entry.key, to: &out)
                out.append(literal: ": ")
                write(entry.value, indent: indent + 2, to: &out)
                out.append(literal: offset == mapping.entries.count - 1 ? "\n" : ",\n")
            }
            out.appendSpaces(indent)
            out.append(ascii: "}")
        }
    }

    /// Appends `text` as a JSON string literal: its bytes whole when nothing needs escaping (most strings).
    private static func writeQuoted(_ text: String, to out: inout YAMLOutput) {
        // 0xE2 leads U+2028 and U+2029, among others.
        let needsEscape = text.utf8.contains {
            $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2
        }
        guard needsEscape else {
            out.append(ascii: "\"")
            out += text
            out.append(ascii: "\"")
            return
        }
        out += quoted(text)
    }

    /// `text` as a JSON string literal.
    public static func quoted(_ text: String) -> String {
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
