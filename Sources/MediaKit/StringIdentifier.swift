/// A name that means something (an app, a service), wrapped so it can't be mixed up with other
/// strings. Identifiers print as written and order by UTF-8 bytes, so output never depends on locale.
public protocol StringIdentifier: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible
where RawValue == String {}

extension StringIdentifier {
    /// The identifier as written.
    public var description: String { rawValue }

    /// Identifiers order by the UTF-8 bytes of their text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue.precedesInByteOrder(rhs.rawValue) }
}
