/// The id of a service in the catalog (`plex`, `sonarr`, …), or of a generic service the user
/// defines with `image` and `port`.
public struct ServiceID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The id as written.
    public let rawValue: String

    /// Wraps an id.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The id as written.
    public var description: String { rawValue }

    /// Ids order by UTF-8 bytes.
    public static func < (lhs: ServiceID, rhs: ServiceID) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }
}
