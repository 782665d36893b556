/// What a service does in the stack; it decides its default role (storage mounts, exposure, graph
/// position).
public enum ServiceCategory: String, CaseIterable, Hashable, Sendable {
    /// Streams video to clients (Plex, Jellyfin, Emby).
    case mediaServer = "media-server"
    /// Streams music.
    case music
    /// Serves audiobooks.
    case audiobooks
    /// Fetches podcasts.
    case podcasts
    /// Manages photos.
    case photos
    /// Serves e-books.
    case books
    /// Serves comics and manga.
    case comics
    /// Manages a library and sends downloads (the *arr apps).
    case arr
    /// Manages indexers for the *arr apps.
    case indexers
    /// Fetches subtitles.
    case subtitles
    /// Takes media requests from users.
    case requests
    /// A start page for the stack.
    case dashboard
    /// Invites and manages users.
    case users
    /// Reports on media server usage.
    case analytics
    /// Downloads with BitTorrent.
    case torrentClient = "torrent-client"
    /// Downloads from Usenet.
    case usenetClient = "usenet-client"
    /// Downloads directly from hosters.
    case directDownloader = "direct-downloader"
    /// Exports metrics for Prometheus.
    case exporter
    /// Synchronises data with another service.
    case sync
    /// Keeps other apps' configuration in code.
    case configSync = "config-sync"
}

extension ServiceCategory {
    /// The group a dashboard lists an app of this category under: what users watch, what fetches it, how users
    /// reach it, and the stack's own tools (`dashboard.group` overrides it).
    public var dashboardGroup: String {
        switch self {
        case .mediaServer, .music, .audiobooks, .podcasts, .photos, .books, .comics: "Media"
        case .arr, .indexers, .subtitles, .torrentClient, .usenetClient, .directDownloader, .configSync: "Downloads"
        case .requests, .users: "Requests"
        case .dashboard, .analytics, .exporter, .sync: "Tools"
        }
    }
}
