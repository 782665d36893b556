/// A YAML value as the renderer builds it: the input of ``YAMLEmitter``.
///
/// Mappings keep the order they were built in; a map that comes from the user should be built with
/// ``YAMLMapping/sortedByKey(_:)`` so dictionary order never reaches output. There are no floats:
/// quantities such as `500m` are strings.
public enum YAMLValue: Hashable, Sendable {
    /// A string; the emitter chooses plain, quoted or literal style so it reads back as this string.
    case string(String)
    /// An integer, printed with `String(n)`.
    case integer(Int)
    /// A boolean, printed as `true` or `false`.
    case boolean(Bool)
    /// An explicit null, printed as `null`.
    case null
    /// A sequence, printed in block style (`[]` when empty).
    case sequence([YAMLValue])
    /// A mapping, printed in block style in its own order (`{}` when empty).
    case mapping(YAMLMapping)
}

extension YAMLValue: ExpressibleByStringLiteral {
    /// A string value.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension YAMLValue: ExpressibleByIntegerLiteral {
    /// An integer value.
    public init(integerLiteral value: Int) { self = .integer(value) }
}

extension YAMLValue: ExpressibleByBooleanLiteral {
    /// A boolean value.
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
}

extension YAMLValue: ExpressibleByArrayLiteral {
    /// A sequence of the elements, in order.
    public init(arrayLiteral elements: YAMLValue...) { self = .sequence(elements) }
}

extension YAMLValue: ExpressibleByDictionaryLiteral {
    /// A mapping of the pairs, in source order (not sorted).
    public init(dictionaryLiteral elements: (String, YAMLValue)...) {
        self = .mapping(YAMLMapping(elements))
    }
}
