extension Catalog {
    /// Servers for music, audiobooks, podcasts, photos, books and comics.
    static let libraries: [CatalogEntry] = [
        CatalogEntry("navidrome", .music, "Navidrome: music streaming server (Subsonic API)"),
        CatalogEntry(
            "airsonic-advanced", .music, "Airsonic-Advanced: music server; upstream inactive",
            status: .deprecated(replacedBy: ServiceID(rawValue: "navidrome"))),
        CatalogEntry("funkwhale", .music, "Funkwhale: federated audio platform"),
        CatalogEntry("audiobookshelf", .audiobooks, "Audiobookshelf: audiobook and podcast server"),
        CatalogEntry(
            "booksonic", .audiobooks, "Booksonic-Air: audiobook server; deprecated upstream",
            status: .deprecated(replacedBy: ServiceID(rawValue: "audiobookshelf"))),
        CatalogEntry(
            "podgrab", .podcasts, "Podgrab: podcast downloader; archived upstream",
            status: .deprecated(replacedBy: ServiceID(rawValue: "audiobookshelf"))),
        CatalogEntry("immich", .photos, "Immich: photo and video library with machine learning"),
        CatalogEntry("photoprism", .photos, "PhotoPrism: photo library"),
        CatalogEntry("librephotos", .photos, "LibrePhotos: photo library"),
        CatalogEntry(
            "calibre-web", .books, "Calibre-Web: e-book library on a Calibre database",
            spec: ServiceSpec(
                // Seed 001 runs the linuxserver image (PUID/PGID/TZ); it has no health endpoint, so TCP.
                image: .pinned("lscr.io/linuxserver/calibre-web", "0.6.26"),
                port: .http(8083), probe: .tcp, security: .dropsRoot, auth: false,
                resources: .requests(cpu: "10m", memory: "256Mi", memoryLimit: "1Gi"),
                scratchVolumes: [ScratchVolume(name: "cache", path: "/cache")])),
        CatalogEntry("kavita", .books, "Kavita: reading server for books, comics and manga"),
        CatalogEntry("komga", .comics, "Komga: comics and manga server"),
    ]
}
