/// What a plain (unquoted) scalar means to YAML tools other than mediactl's reader: YAML 1.1
/// resolvers such as PyYAML and Kubernetes' parsers, and YAML 1.2 core-schema parsers.
///
/// mediactl types scalars by destination, so `yes` in a string field is the string `yes`; another
/// tool reading the same file would see a boolean. Decoders use this to warn about such values.
public enum YAMLPlainResolution: String, Hashable, Sendable {
    /// A string to every tool.
    case string
    /// `~`, `null`, `Null`, `NULL` or nothing.
    case null
    /// `true`/`false` and the YAML 1.1 words `yes`, `no`, `on`, `off`, `y`, `n` in their spellings.
    case boolean
    /// An integer or float in YAML 1.1 or 1.2 notation (`0755`, `0x1F`, `1_000`, `12:30`, `1e3`, `.inf`).
    case number
    /// A YAML 1.1 timestamp such as `2001-12-14`.
    case timestamp

    /// How other tools resolve `text` written as a plain scalar.
    public init(plain text: String) {
        // Only these can start a null, boolean, number or timestamp; most strings stop here.
        guard let first = text.unicodeScalars.first, Self.possibleFirstScalars.contains(first) else {
            self = text.isEmpty ? .null : .string
            return
        }
        if text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL" {
            self = .null
        } else if Self.booleanWords.contains(text) {
            self = .boolean
        } else if Self.isNumber(text) {
            self = .number
        } else if text.wholeMatch(of: Self.timestampPattern) != nil {
            self = .timestamp
        } else {
            self = .string
        }
    }

    private static let possibleFirstScalars = Set("0123456789+-.~yYnNtTfFoO".unicodeScalars)

    private static let booleanWords: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
        "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
    ]

    nonisolated(unsafe) private static let numberPatterns: [Regex<Substring>] = [
        #/[-+]?0b[01_]+/#,
        #/[-+]?0o?[0-7_]+/#,
        #/[-+]?0x[0-9a-fA-F_]+/#,
        #/[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])*/#,
        #/[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?/#,
        #/[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+/#,
        #/[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*/#,
        #/[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)/#,
    ]

    nonisolated(unsafe) private static let timestampPattern: Regex<Substring> =
        #/[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?/#

    private static func isNumber(_ text: String) -> Bool {
        guard text != "." && text != "+" && text != "-" && text != "_" else { return false }
        return numberPatterns.contains { text.wholeMatch(of: $0) != nil }
    }
}
