/// What mediactl knows about one service: identity and lifecycle, and (``spec``) how to run it.
public struct CatalogEntry: Hashable, Sendable {
    /// The id users write as an app key or `service:`.
    public let id: ServiceID
    /// What the service does.
    public let category: ServiceCategory
    /// One line for `mediactl catalog`.
    public let summary: String
    /// Upstream lifecycle.
    public let status: ServiceStatus
    /// How to run it; nil while its facts are not catalogued yet (such an app needs `image` and `port`).
    public let spec: ServiceSpec?

    /// Creates an entry.
    public init(
        _ id: String, _ category: ServiceCategory, _ summary: String, status: ServiceStatus = .active,
        spec: ServiceSpec? = nil
    ) {
        self.id = ServiceID(rawValue: id)
        self.category = category
        self.summary = summary
        self.status = status
        self.spec = spec
    }
}
