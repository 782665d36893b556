extension Catalog {
    /// The *arr apps: library managers, indexers and subtitles.
    static let arrApps: [CatalogEntry] = [
        CatalogEntry(
            "sonarr", .arr, "Sonarr: TV series library manager",
            spec: ServiceSpec(
                image: .pinned("ghcr.io/home-operations/sonarr", "4.0.16.2942"),
                port: .http(8989), portEnvironmentVariable: "SONARR__SERVER__PORT", probe: .http(path: "/ping"),
                security: .rootless, resources: .requests(cpu: "10m", memory: "256Mi", memoryLimit: "2Gi"))),
        CatalogEntry(
            "radarr", .arr, "Radarr: movie library manager",
            spec: ServiceSpec(
                image: .pinned("ghcr.io/home-operations/radarr", "6.1.0.10293"),
                port: .http(7878), portEnvironmentVariable: "RADARR__SERVER__PORT", probe: .http(path: "/ping"),
                security: .rootless, resources: .requests(cpu: "10m", memory: "256Mi", memoryLimit: "2Gi"))),
        CatalogEntry("lidarr", .arr, "Lidarr: music library manager"),
        CatalogEntry(
            "readarr", .arr, "Readarr: book library manager; archived upstream 2025-06-27",
            status: .retired(replacedBy: nil)),
        CatalogEntry("mylar3", .arr, "Mylar3: comic library manager"),
        CatalogEntry("prowlarr", .indexers, "Prowlarr: indexer manager for the *arr apps"),
        CatalogEntry("bazarr", .subtitles, "Bazarr: subtitles for Sonarr and Radarr"),
    ]
}
