extension Catalog {
    /// Exporters, sync jobs and configuration tools.
    static let extras: [CatalogEntry] = [
        CatalogEntry("plex-exporter", .exporter, "Prometheus exporter for Plex"),
        CatalogEntry("plex-trakt-sync", .sync, "PlexTraktSync: syncs Plex watch history with Trakt"),
        CatalogEntry("recyclarr", .configSync, "Recyclarr: keeps *arr quality profiles in code"),
    ]
}
