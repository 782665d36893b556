/// The id of a service in the catalog (`plex`, `sonarr`, …), or of a generic service the user
/// defines with `image` and `port`.
public struct ServiceID: StringIdentifier {
    /// The id as written.
    public let rawValue: String

    /// Wraps an id.
    public init(rawValue: String) { self.rawValue = rawValue }
}
