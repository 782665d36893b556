/// The services mediactl knows, in a declared order (grouped by category; see the `Catalog+…` files).
public enum Catalog {
    /// Every entry, in catalog order.
    public static let entries: [CatalogEntry] =
        mediaServers + libraries + arrApps + requestsAndUsers + downloadClients + extras

    private static let entriesByID: [ServiceID: CatalogEntry] = Dictionary(
        entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The entry for `id`, if the catalog has one.
    public static func entry(for id: ServiceID) -> CatalogEntry? { entriesByID[id] }

    /// Every id, in catalog order.
    public static var ids: [ServiceID] { entries.map(\.id) }
}
