/// The services mediactl knows, in a declared order (grouped by category; see the `Catalog+…` files).
public enum Catalog {
    /// Every entry, in catalog order.
    public static let entries: [CatalogEntry] =
        mediaServers + libraries + arrApps + requestsAndUsers + downloadClients + extras

    private static let entriesByID: [ServiceID: CatalogEntry] = Dictionary(
        entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The entry for `id`, if the catalog has one.
    public static func entry(for id: ServiceID) -> CatalogEntry? { entriesByID[id] }

    /// The day the catalog's images were last checked against public home-ops repositories (their newest tag
    /// and digest; onedr0p/home-ops, bjw-s-labs/home-ops, buroa/k8s-gitops and 33 more): `catalog` and
    /// `--version` print it, so a user can tell how fresh the defaults are.
    public static let checkedOn = "2026-12-04"

    /// Every id, in catalog order.
    public static var ids: [ServiceID] { entries.map(\.id) }

    /// Scratch space for the logs an app writes under its config folder: they are written again on every start,
    /// so they need not fill the config PVC and its backups (buroa/k8s-gitops and rcdailey/home-ops mount
    /// `/config/logs` from an emptyDir for the *arr apps, SABnzbd and Tautulli).
    static let logScratch = ScratchVolume(name: "logs", path: "/config/logs")
}
