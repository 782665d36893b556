/// One app calling another over HTTP inside the cluster: Seerr asking Sonarr to search, Sonarr handing a
/// release to qBittorrent. Network policies allow exactly these flows, and `mediactl graph` draws them.
public struct TrafficFlow: Hashable, Sendable {
    /// The calling app.
    public var from: ResolvedApp
    /// The app it calls.
    public var to: ResolvedApp

    /// Creates a flow.
    public init(from: ResolvedApp, to: ResolvedApp) {
        self.from = from
        self.to = to
    }

    /// Every flow between `apps`, sorted by caller then callee. Only workloads with a port are called;
    /// generic apps take part only through exposure, since the catalog knows nothing of their calls.
    public static func flows(between apps: [ResolvedApp]) -> [TrafficFlow] {
        // The apps that can be called, by category, so each caller visits only its callees.
        var callees: [ServiceCategory: [Int]] = [:]
        for (index, app) in apps.enumerated() where app.kind == .workload && app.port != nil {
            if let category = app.category { callees[category, default: []].append(index) }
        }
        var flows: [TrafficFlow] = []
        for caller in apps where caller.kind == .workload {
            guard let calls = caller.category?.calls, !calls.isEmpty else { continue }
            let indices = calls.flatMap { callees[$0] ?? [] }.sorted()
            for index in indices where apps[index].name != caller.name {
                flows.append(TrafficFlow(from: caller, to: apps[index]))
            }
        }
        return flows
    }
}

extension ServiceCategory {
    /// The categories this category's apps call over their HTTP APIs.
    ///
    /// Request apps talk to the *arr apps and read the media servers' libraries; the *arr apps query
    /// indexers, hand releases to download clients and tell media servers to rescan; Prowlarr pushes indexers
    /// to the *arr apps and can send grabs to download clients; Bazarr and Recyclarr configure the *arr
    /// apps; Tautulli, exporters, Wizarr and sync tools read the media servers; a dashboard reads everything.
    public var calls: [ServiceCategory] {
        switch self {
        case .requests: [.arr, .mediaServer]
        case .arr: [.indexers, .torrentClient, .usenetClient, .directDownloader, .mediaServer]
        case .indexers: [.arr, .torrentClient, .usenetClient]
        case .subtitles, .configSync: [.arr]
        case .analytics, .exporter, .users, .sync: [.mediaServer]
        case .dashboard: ServiceCategory.allCases.filter { $0 != .dashboard }
        case .mediaServer, .music, .audiobooks, .podcasts, .photos, .books, .comics, .torrentClient,
            .usenetClient, .directDownloader:
            []
        }
    }

    /// Whether an app of this category downloads from the internet (its egress is limited to the internet and
    /// DNS under network policies).
    public var isDownloadClient: Bool { self == .torrentClient || self == .usenetClient || self == .directDownloader }

    /// Whether an app of this category must never be exposed to the internet without forward auth: the
    /// *arr family (library managers, Prowlarr, Bazarr) and the download clients hold API keys and accept
    /// commands that write to the media volume.
    public var needsAuthenticationWhenExternal: Bool {
        isDownloadClient || self == .arr || self == .indexers || self == .subtitles
    }
}
