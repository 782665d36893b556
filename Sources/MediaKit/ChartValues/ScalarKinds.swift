/// Which kinds of scalar a chart value accepts, as mediactl types the scalars of `values:` (plain `true` and
/// `false` are booleans, plain decimal integers are integers, everything else is a string).
///
/// There is no kind for fractions: mediactl writes a `1.5` in `values:` as the string `'1.5'`, so a value the
/// chart takes as a JSON "number" is described as ``integer``.
public struct ScalarKinds: OptionSet, Hashable, Sendable {
    /// The bits.
    public let rawValue: UInt8

    /// Kinds from their bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// A string.
    public static let string = ScalarKinds(rawValue: 1)
    /// A whole number.
    public static let integer = ScalarKinds(rawValue: 2)
    /// `true` or `false`.
    public static let boolean = ScalarKinds(rawValue: 4)

    /// What a message says is expected: `a string`, `a whole number or a string`, `true or false`…
    public var expectation: String {
        var names: [String] = []
        if contains(.integer) { names.append("a whole number") }
        if contains(.boolean) { names.append("true or false") }
        if contains(.string) { names.append("a string") }
        return names.joined(separator: " or ")
    }
}
