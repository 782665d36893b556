/// Chooses the style of a string scalar and writes it, following the project's quoting rules so that
/// every string reads back as the same string from YAML 1.1 (PyYAML, Kubernetes tooling) and YAML 1.2
/// parsers. First match wins:
///
/// 1. control characters (tab, CR, DEL, C0 and C1 incl. NEL, U+2028/2029, BOM, non-characters) →
///    double-quoted with escapes;
/// 2. contains `\n` → literal block (`|-`, `|`, `|+` by trailing newlines), double-quoted when a line
///    ends with a space, the first non-empty line starts with one, or there is no text but newlines;
/// 3. empty → `''`;
/// 4. a YAML 1.1/1.2 special word (`~`, null, booleans incl. `y`/`n`/`on`/`off`, `.inf`, `.nan`,
///    `<<`, `=`) → single-quoted;
/// 5. looks like a number: an optional sign, an optional `.`, then a digit → single-quoted;
/// 6. leading/trailing space (any Unicode space, such as U+00A0), a leading indicator, `- ` or `-` alone, `---`/`...` at the start,
///    `: ` inside or `:` at the end, ` #` inside → single-quoted;
/// 7. otherwise plain.
///
/// Keys follow the same rules except that a key can't be a block scalar: rule 2 double-quotes keys.
enum YAMLScalarWriter {
    /// Words that some YAML 1.1 or 1.2 resolver reads as null, a boolean, a float, merge or value.
    static let specialWords: Set<String> = [
        "~", "null", "Null", "NULL",
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
        ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
        ".nan", ".NaN", ".NAN", "<<", "=",
    ]

    /// Whether `scalar` may not start a plain scalar.
    private static func isLeadingIndicator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "#", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "?", ":": true
        default: false
        }
    }

    /// The style `text` gets as a value.
    static func style(for text: String, isKey: Bool = false) -> YAMLScalarStyle {
        // Native strings (all that the renderer builds) have contiguous UTF-8; the shortcut reads it in place.
        let shortcut = text.utf8.withContiguousStorageIfAvailable(asciiLineStyle) ?? nil
        return shortcut ?? generalStyle(for: text, isKey: isKey)
    }

    /// The rules above, in order, for any string (``style(for:isKey:)`` takes a shortcut for most).
    static func generalStyle(for text: String, isKey: Bool = false) -> YAMLScalarStyle {
        let scalars = text.unicodeScalars
        if scalars.contains(where: needsEscape) { return .doubleQuoted }
        if scalars.contains("\n") {
            return isKey || !literalBlockKeepsText(text) ? .doubleQuoted : .literal
        }
        if text.isEmpty || specialWords.contains(text) || looksLikeNumber(text) || needsSingleQuotes(text) {
            return .singleQuoted
        }
        return .plain
    }

    /// Appends the scalar as it appears after `key: ` or `- `. A literal block's lines are indented by
    /// `blockIndent` spaces and it ends without a newline.
    static func write(_ text: String, blockIndent: Int, isKey: Bool = false, to out: inout YAMLOutput) {
        // The common case decided and copied from the one view of the bytes: a plain scalar, or a single-quoted
        // one without quotes inside.
        let written = text.utf8.withContiguousStorageIfAvailable { bytes in
            switch asciiLineStyle(bytes) {
            case .plain:
                out.append(bytes)
                return true
            case .singleQuoted where !bytes.contains(UInt8(ascii: "'")):
                out.append(ascii: "'")
                out.append(bytes)
                out.append(ascii: "'")
                return true
            default:
                return false
            }
        }
        if written == true { return }
        switch style(for: text, isKey: isKey) {
        case .plain, .folded:
            out += text
        case .singleQuoted:
            out.append(ascii: "'")
            out += text.utf8.contains(UInt8(ascii: "'")) ? text.replacing("'", with: "''") : text
            out.append(ascii: "'")
        case .doubleQuoted:
            out += doubleQuoted(text)
        case .literal:
            out += literalBlock(text, indent: blockIndent)
        }
    }

    /// The rules of ``style(for:isKey:)`` in one pass over the bytes, for the common case: a single-line
    /// ASCII string that starts with a letter, with a digit (durations and sizes such as `1h` and `2Gi`, which
    /// look like numbers), with `./` (kustomization resources), or with punctuation that has no meaning at the
    /// start. Nil for anything else, which the general rules decide.
    private static func asciiLineStyle(_ text: UnsafeBufferPointer<UInt8>) -> YAMLScalarStyle? {
        guard let first = text.first else { return nil }
        let startsWithDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        // `./` is neither a number, `...`, nor `.inf` or `.nan`.
        let startsWithDotSlash = first == UInt8(ascii: ".") && text.count > 1 && text[1] == UInt8(ascii: "/")
        guard startsWithDigit || startsWithDotSlash || startsPlainly(first) else { return nil }
        // Of the special words, only these start with a letter; keys such as `name` and `type` are checked
        // here instead of taking the general rules' hashed lookup.
        if text.count <= letterSpecialWordLength, mayStartSpecialWord(first), letterSpecialWords.contains(packed(text))
        {
            return .singleQuoted
        }
        var previous: UInt8 = 0
        var colonSpaceOrSpaceHash = false
        for byte in text {
            // Most bytes are printable and neither a space, `:` nor `#`: one range check decides them.
            if byte &- 0x21 < 0x5E, byte != UInt8(ascii: ":"), byte != UInt8(ascii: "#") {
                previous = byte
                continue
            }
            if byte >= 0x80 || byte == UInt8(ascii: "\n") { return nil }
            if byte < 0x20 || byte == 0x7F { return .doubleQuoted }
            if (previous == UInt8(ascii: ":") && byte == UInt8(ascii: " "))
                || (previous == UInt8(ascii: " ") && byte == UInt8(ascii: "#"))
            {
                colonSpaceOrSpaceHash = true
            }
            previous = byte
        }
        // `previous` is now the last byte: a space or a colon there needs quotes, as do `: ` and ` #`.
        let quoted =
            startsWithDigit || colonSpaceOrSpaceHash || previous == UInt8(ascii: " ") || previous == UInt8(ascii: ":")
        return quoted ? .singleQuoted : .plain
    }

    /// Whether a string starting with `byte` needs quotes only for what follows or for being a special word:
    /// a letter, or punctuation that is neither an indicator, a space, a sign, a dot, a digit nor the start
    /// of `<<`, `=` or `~`.
    private static func startsPlainly(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "_"), UInt8(ascii: "/"), UInt8(ascii: "$"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: ";"), UInt8(ascii: "^"):
            return true
        default:
            return false
        }
    }

    /// Whether `byte` starts one of ``letterStartedSpecialWords``: most keys are ruled out by their first letter.
    private static func mayStartSpecialWord(_ byte: UInt8) -> Bool {
        switch byte | 0x20 {
        case UInt8(ascii: "y"), UInt8(ascii: "n"), UInt8(ascii: "o"), UInt8(ascii: "t"), UInt8(ascii: "f"): true
        default: false
        }
    }

    /// The special words that start with a letter (`null`, `yes`, `no`, `true`, `false`, `on`, `off` and
    /// their spellings).
    private static let letterStartedSpecialWords = specialWords.filter { $0.utf8.first.map(startsPlainly) ?? false }

    /// ``letterStartedSpecialWords``, each packed by ``packed(_:)``.
    private static let letterSpecialWords = letterStartedSpecialWords.map { word in
        word.utf8.withContiguousStorageIfAvailable(packed) ?? 0
    }

    /// The length of the longest of ``letterStartedSpecialWords`` (at most eight, so packing keeps them apart).
    private static let letterSpecialWordLength = letterStartedSpecialWords.map(\.utf8.count).max() ?? 0

    /// Up to eight bytes in one integer, the first in the highest byte that is used: equal for equal byte
    /// strings of up to eight bytes, so a word is compared as one integer.
    private static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for byte in bytes.prefix(8) { value = value << 8 | UInt64(byte) }
        return value
    }

    /// Whether a scalar can only be written double-quoted with escapes.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// An optional sign, an optional `.`, then a digit: covers integers, floats, octal `0755`,
    /// `1_000`, sexagesimal `12:30`, dates, `1e3`, versions like `1.2.3` and IP addresses.
    private static func looksLikeNumber(_ text: String) -> Bool {
        var rest = Substring(text).unicodeScalars[...]
        if let first = rest.first, first == "+" || first == "-" { rest = rest.dropFirst() }
        if rest.first == "." { rest = rest.dropFirst() }
        guard let next = rest.first else { return false }
        return ("0"..."9").contains(next)
    }

    private static func needsSingleQuotes(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return true }
        // Any Unicode space at either end (not only U+0020): invisible to a reader, and not every parser
        // agrees on which spaces are YAML white space.
        if isSpace(first) || isSpace(last) { return true }
        if isLeadingIndicator(first) { return true }
        if first == "-" && (scalars.count == 1 || scalars.dropFirst().first == " ") { return true }
        if text.hasPrefix("---") || text.hasPrefix("...") { return true }
        if last == ":" { return true }
        return containsColonSpaceOrSpaceHash(text)
    }

    /// Unicode white space, with the Unicode property looked up only outside ASCII.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    /// Whether `text` contains `: ` or ` #`, by one pass over its UTF-8 bytes (`String.contains` with a
    /// string argument was a third of the render time on large stacks).
    private static func containsColonSpaceOrSpaceHash(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if (previous == UInt8(ascii: ":") && byte == UInt8(ascii: " "))
                || (previous == UInt8(ascii: " ") && byte == UInt8(ascii: "#"))
            {
                return true
            }
            previous = byte
        }
        return false
    }

    /// A literal block reads back as exactly the text only when no line ends with a space, the first
    /// line with text does not start with one, and there is some text besides newlines.
    private static func literalBlockKeepsText(_ text: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let firstText = lines.first(where: { !$0.isEmpty }) else { return false }
        if firstText.first == " " { return false }
        return !lines.contains { $0.last == " " }
    }

    private static func literalBlock(_ text: String, indent: Int) -> String {
        var body = Substring(text)
        var trailingNewlines = 0
        while body.last == "\n" {
            body = body.dropLast()
            trailingNewlines += 1
        }
        let indicator = trailingNewlines == 0 ? "|-" : trailingNewlines == 1 ? "|" : "|+"
        let padding = String(repeating: " ", count: indent)
        var out = indicator
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            out += line.isEmpty ? "\n" : "\n" + padding + line
        }
        // Kept trailing newlines beyond the first show as empty lines.
        out += String(repeating: "\n", count: max(0, trailingNewlines - 1))
        return out
    }

    /// A double-quoted scalar with YAML escapes for everything that is not printable.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\0": out += "\\0"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\u{0B}": out += "\\v"
            case "\u{0C}": out += "\\f"
            case "\r": out += "\\r"
            case "\u{1B}": out += "\\e"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out +=
                        scalar.value <= 0xFF
                        ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                        : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
