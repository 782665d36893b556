/// What mediactl knows about one service. This first skeleton holds identity and lifecycle; ports,
/// probes, images and mounts join with the render and catalog issues (facts in `CATALOG.md`).
public struct CatalogEntry: Hashable, Sendable {
    /// The id users write as an app key or `service:`.
    public let id: ServiceID
    /// What the service does.
    public let category: ServiceCategory
    /// One line for `mediactl catalog`.
    public let summary: String
    /// Upstream lifecycle.
    public let status: ServiceStatus

    /// Creates an entry.
    public init(_ id: String, _ category: ServiceCategory, _ summary: String, status: ServiceStatus = .active) {
        self.id = ServiceID(rawValue: id)
        self.category = category
        self.summary = summary
        self.status = status
    }
}
