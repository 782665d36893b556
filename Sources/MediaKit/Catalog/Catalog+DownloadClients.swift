extension Catalog {
    /// Download clients.
    static let downloadClients: [CatalogEntry] = [
        CatalogEntry(
            "qbittorrent", .torrentClient, "qBittorrent: BitTorrent client with a web UI",
            spec: ServiceSpec(
                image: .pinned("ghcr.io/home-operations/qbittorrent", "5.1.4"),
                port: .http(8080), portEnvironmentVariable: "QBT_WEBUI_PORT",
                probe: .http(path: "/api/v2/app/version"), security: .rootless,
                resources: .requests(cpu: "50m", memory: "512Mi", memoryLimit: "8Gi"))),
        CatalogEntry(
            "sabnzbd", .usenetClient, "SABnzbd: Usenet client",
            spec: ServiceSpec(
                image: .pinned("ghcr.io/home-operations/sabnzbd", "4.5.5"),
                port: .http(8080), portEnvironmentVariable: "SABNZBD__PORT", probe: .http(path: "/api?mode=version"),
                security: .rootless, resources: .requests(cpu: "50m", memory: "512Mi", memoryLimit: "4Gi"))),
        CatalogEntry("deluge", .torrentClient, "Deluge: BitTorrent client"),
        CatalogEntry("jdownloader2", .directDownloader, "JDownloader 2: direct downloads from hosters"),
    ]
}
