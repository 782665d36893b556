/// Media servers: stream the library to clients.
extension Catalog {
    /// Plex, Jellyfin, Emby.
    static let mediaServers: [CatalogEntry] = [
        CatalogEntry(
            "plex", .mediaServer, "Plex Media Server: streams movies and TV, transcodes",
            spec: ServiceSpec(
                // Tag as pinned in public home-ops repositories (e.g. 1.43.3.10828 with its digest).
                image: .pinned("ghcr.io/home-operations/plex", "1.43.3.10828"),
                port: .http(32400), probe: .http(path: "/identity"), security: .rootless,
                // Plex's own clients sign in through plex.tv, so forward auth would lock them out.
                exposure: .external, auth: false,
                resources: .requests(cpu: "100m", memory: "1Gi", memoryLimit: "8Gi"),
                scratchVolumes: [ScratchVolume(name: "transcode", path: "/transcode")])),
        CatalogEntry("jellyfin", .mediaServer, "Jellyfin: free media server, hardware transcoding"),
        CatalogEntry("emby", .mediaServer, "Emby: media server"),
    ]
}
