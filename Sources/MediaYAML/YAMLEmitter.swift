/// Turns ``YAMLValue``s into YAML text: the only producer of YAML text in mediactl.
///
/// Output rules: block style only (empty collections as `[]` and `{}`), 2-space indentation,
/// sequences indented under their key, the first key of a mapping item on the dash line, no line
/// wrapping, `\n` line endings, exactly one final newline, no trailing spaces and no tabs. Scalars
/// follow ``YAMLScalarWriter``'s rules.
public struct YAMLEmitter: Sendable {
    /// Creates an emitter.
    public init() {}

    /// The text of a document: its header comments, then its value.
    public func emit(_ document: YAMLDocument) -> String {
        var out = ""
        for comment in document.headerComments { writeComment(comment, indent: 0, to: &out) }
        write(document.root, to: &out)
        return out
    }

    /// The text of one value as a whole document.
    public func emit(_ value: YAMLValue) -> String {
        var out = ""
        write(value, to: &out)
        return out
    }

    private func write(_ value: YAMLValue, to out: inout String) {
        switch value {
        case .mapping(let mapping) where !mapping.isEmpty:
            writeMapping(mapping, indent: 0, firstLinePrefix: nil, to: &out)
        case .sequence(let items) where !items.isEmpty:
            writeSequence(items, indent: 0, firstLinePrefix: nil, to: &out)
        default:
            out += inline(value, blockIndent: 2) + "\n"
        }
    }

    /// Writes the entries of a non-empty mapping whose keys sit at column `indent`. When
    /// `firstLinePrefix` is given (`"- "` after a dash), the first entry continues that line.
    private func writeMapping(_ mapping: YAMLMapping, indent: Int, firstLinePrefix: String?, to out: inout String) {
        for (offset, entry) in mapping.entries.enumerated() {
            let lead: String
            if offset == 0, let firstLinePrefix {
                lead = firstLinePrefix
            } else {
                if let comment = entry.comment { writeComment(comment, indent: indent, to: &out) }
                lead = String(repeating: " ", count: indent)
            }
            out += lead + YAMLScalarWriter.write(entry.key, blockIndent: 0, isKey: true) + ":"
            switch entry.value {
            case .mapping(let child) where !child.isEmpty:
                out += "\n"
                writeMapping(child, indent: indent + 2, firstLinePrefix: nil, to: &out)
            case .sequence(let items) where !items.isEmpty:
                out += "\n"
                writeSequence(items, indent: indent + 2, firstLinePrefix: nil, to: &out)
            default:
                out += " " + inline(entry.value, blockIndent: indent + 2) + "\n"
            }
        }
    }

    /// Writes the items of a non-empty sequence whose dashes sit at column `indent`.
    private func writeSequence(_ items: [YAMLValue], indent: Int, firstLinePrefix: String?, to out: inout String) {
        let padding = String(repeating: " ", count: indent)
        for (offset, item) in items.enumerated() {
            let dash = (offset == 0 ? firstLinePrefix.map { $0 + "- " } : nil) ?? padding + "- "
            switch item {
            case .mapping(let mapping) where !mapping.isEmpty:
                if offset > 0 || firstLinePrefix == nil, let comment = mapping.entries[0].comment {
                    writeComment(comment, indent: indent, to: &out)
                }
                writeMapping(mapping, indent: indent + 2, firstLinePrefix: dash, to: &out)
            case .sequence(let nested) where !nested.isEmpty:
                writeSequence(nested, indent: indent + 2, firstLinePrefix: dash, to: &out)
            default:
                out += dash + inline(item, blockIndent: indent + 2) + "\n"
            }
        }
    }

    /// A scalar or an empty collection, as written after `key: ` or `- `.
    private func inline(_ value: YAMLValue, blockIndent: Int) -> String {
        switch value {
        case .string(let text): return YAMLScalarWriter.write(text, blockIndent: blockIndent)
        case .integer(let number): return String(number)
        case .boolean(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .sequence: return "[]"
        case .mapping: return "{}"
        }
    }

    private func writeComment(_ comment: String, indent: Int, to out: inout String) {
        let padding = String(repeating: " ", count: indent)
        for line in comment.split(separator: "\n", omittingEmptySubsequences: false) {
            out += line.isEmpty ? padding + "#\n" : padding + "# " + line + "\n"
        }
    }
}
