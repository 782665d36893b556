extension Catalog {
    /// Servers that stream video to clients.
    static let mediaServers: [CatalogEntry] = [
        CatalogEntry("plex", .mediaServer, "Plex Media Server: streams movies and TV, transcodes"),
        CatalogEntry("jellyfin", .mediaServer, "Jellyfin: free media server, hardware transcoding"),
        CatalogEntry("emby", .mediaServer, "Emby: media server"),
    ]
}
