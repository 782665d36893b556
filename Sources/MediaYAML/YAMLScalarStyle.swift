/// How a scalar is written in YAML text.
public enum YAMLScalarStyle: String, Hashable, Sendable {
    /// Unquoted: `value`.
    case plain
    /// Single-quoted: `'value'`, with `''` for a quote.
    case singleQuoted
    /// Double-quoted: `"value"`, with backslash escapes.
    case doubleQuoted
    /// A literal block: `|`, line breaks kept.
    case literal
    /// A folded block: `>`, single line breaks become spaces.
    case folded
}
