extension Catalog {
    /// The *arr apps: library managers, indexers and subtitles.
    static let arrApps: [CatalogEntry] = [
        CatalogEntry("sonarr", .arr, "Sonarr: TV series library manager"),
        CatalogEntry("radarr", .arr, "Radarr: movie library manager"),
        CatalogEntry("lidarr", .arr, "Lidarr: music library manager"),
        CatalogEntry(
            "readarr", .arr, "Readarr: book library manager; archived upstream 2025-06-27",
            status: .retired(replacedBy: nil)),
        CatalogEntry("mylar3", .arr, "Mylar3: comic library manager"),
        CatalogEntry("prowlarr", .indexers, "Prowlarr: indexer manager for the *arr apps"),
        CatalogEntry("bazarr", .subtitles, "Bazarr: subtitles for Sonarr and Radarr"),
    ]
}
