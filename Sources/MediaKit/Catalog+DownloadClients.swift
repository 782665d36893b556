extension Catalog {
    /// Download clients.
    static let downloadClients: [CatalogEntry] = [
        CatalogEntry("qbittorrent", .torrentClient, "qBittorrent: BitTorrent client with a web UI"),
        CatalogEntry("sabnzbd", .usenetClient, "SABnzbd: Usenet client"),
        CatalogEntry("deluge", .torrentClient, "Deluge: BitTorrent client"),
        CatalogEntry("jdownloader2", .directDownloader, "JDownloader 2: direct downloads from hosters"),
    ]
}
