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
        var out = YAMLOutput()
        for comment in document.headerComments { writeComment(comment, indent: 0, to: &out) }
        write(document.root, to: &out)
        return out.text
    }

    /// The text of one value as a whole document.
    public func emit(_ value: YAMLValue) -> String {
        var out = YAMLOutput()
        write(value, to: &out)
        return out.text
    }

    private func write(_ value: YAMLValue, to out: inout YAMLOutput) {
        switch value {
        case .mapping(let mapping) where !mapping.isEmpty:
            writeMapping(mapping, indent: 0, firstLinePrefix: nil, to: &out)
        case .sequence(let items) where !items.isEmpty:
            writeSequence(items, indent: 0, firstLinePrefix: nil, to: &out)
        default:
            writeInline(value, blockIndent: 2, to: &out)
            out.append(ascii: "\n")
        }
    }

    // The writers append piece by piece to one string: building each line from temporary strings cost
    // more than everything else in a render.

    /// Writes the entries of a non-empty mapping whose keys sit at column `indent`. When
    /// `firstLinePrefix` is given (`"- "` after a dash), the first entry continues that line.
    private func writeMapping(_ mapping: YAMLMapping, indent: Int, firstLinePrefix: String?, to out: inout YAMLOutput) {
        for (offset, entry) in mapping.entries.enumerated() {
            if offset == 0, let firstLinePrefix {
                out += firstLinePrefix
            } else {
                if let comment = entry.comment { writeComment(comment, indent: indent, to: &out) }
                Self.writeSpaces(indent, to: &out)
            }
            YAMLScalarWriter.write(entry.key, blockIndent: 0, isKey: true, to: &out)
            out.append(ascii: ":")
            switch entry.value {
            case .mapping(let child) where !child.isEmpty:
                out.append(ascii: "\n")
                writeMapping(child, indent: indent + 2, firstLinePrefix: nil, to: &out)
            case .sequence(let items) where !items.isEmpty:
                out.append(ascii: "\n")
                writeSequence(items, indent: indent + 2, firstLinePrefix: nil, to: &out)
            default:
                out.append(ascii: " ")
                writeInline(entry.value, blockIndent: indent + 2, to: &out)
                out.append(ascii: "\n")
            }
        }
    }

    /// Writes the items of a non-empty sequence whose dashes sit at column `indent`.
    private func writeSequence(_ items: [YAMLValue], indent: Int, firstLinePrefix: String?, to out: inout YAMLOutput) {
        for (offset, item) in items.enumerated() {
            let continuesLine = offset == 0 && firstLinePrefix != nil
            switch item {
            case .mapping(let mapping) where !mapping.isEmpty:
                if !continuesLine, let comment = mapping.entries[0].comment {
                    writeComment(comment, indent: indent, to: &out)
                }
                writeMapping(
                    mapping, indent: indent + 2, firstLinePrefix: dash(offset, indent, firstLinePrefix), to: &out)
            case .sequence(let nested) where !nested.isEmpty:
                writeSequence(
                    nested, indent: indent + 2, firstLinePrefix: dash(offset, indent, firstLinePrefix), to: &out)
            default:
                if continuesLine, let firstLinePrefix {
                    out += firstLinePrefix
                } else {
                    Self.writeSpaces(indent, to: &out)
                }
                out.append(literal: "- ")
                writeInline(item, blockIndent: indent + 2, to: &out)
                out.append(ascii: "\n")
            }
        }
    }

    /// The start of an item's line, up to and including its dash and space.
    private func dash(_ offset: Int, _ indent: Int, _ firstLinePrefix: String?) -> String {
        if offset == 0, let firstLinePrefix { return firstLinePrefix + "- " }
        return String(repeating: " ", count: indent) + "- "
    }

    /// A scalar or an empty collection, as written after `key: ` or `- `.
    private func writeInline(_ value: YAMLValue, blockIndent: Int, to out: inout YAMLOutput) {
        switch value {
        case .string(let text): YAMLScalarWriter.write(text, blockIndent: blockIndent, to: &out)
        case .integer(let number): out += String(number)
        case .boolean(let flag): out.append(literal: flag ? "true" : "false")
        case .null: out.append(literal: "null")
        case .sequence: out.append(literal: "[]")
        case .mapping: out.append(literal: "{}")
        }
    }

    private func writeComment(_ comment: String, indent: Int, to out: inout YAMLOutput) {
        // Line by line over the bytes: `split` cost more than writing the rest of a small file.
        var comment = comment
        comment.withUTF8 { bytes in
            var lineStart = 0
            while true {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                Self.writeSpaces(indent, to: &out)
                if lineEnd == lineStart {
                    out.append(literal: "#\n")
                } else {
                    out.append(literal: "# ")
                    out.append(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
                    out.append(ascii: "\n")
                }
                guard lineEnd < bytes.count else { break }
                lineStart = lineEnd + 1
            }
        }
    }

    /// Appends `count` spaces.
    static func writeSpaces(_ count: Int, to out: inout YAMLOutput) { out.appendSpaces(count) }
}
