extension Catalog {
    /// Download clients. Each mounts the media volume read-write at the shared path, where the *arr apps
    /// find the finished downloads; `vpn:` routes them through a gluetun sidecar.
    static let downloadClients: [CatalogEntry] = [
        CatalogEntry(
            "qbittorrent", .torrentClient, "qBittorrent: BitTorrent client with a web UI",
            spec: ServiceSpec(
                image: .pinned(
                    "ghcr.io/home-operations/qbittorrent", "5.2.3",
                    digest: "4fcf15b7f265c2c8d7bc2a7e13240a07e0593c326f3cf3b5b9bb69eec5b79299"),
                port: .http(8080), portEnvironmentVariable: "QBT_WEBUI_PORT",
                probe: .http(path: "/api/v2/app/version"), security: .rootless,
                resources: .requests(cpu: "50m", memory: "512Mi", memoryLimit: "8Gi"),
                media: .manages,
                // Seed 002: peers on 6881 TCP and UDP, on a Service of its own (LoadBalancer with `loadBalancer:`).
                peerPort: PeerPort(name: "bittorrent", number: 6881, environmentVariable: "QBT_TORRENTING_PORT"))),
        CatalogEntry(
            "sabnzbd", .usenetClient, "SABnzbd: Usenet client",
            spec: ServiceSpec(
                image: .pinned(
                    "ghcr.io/home-operations/sabnzbd", "5.1.1",
                    digest: "8f90c25c7ee2773112c76b209ba0c32f089ced996f0dd0683cdfeaf07df365f8"),
                port: .http(8080), portEnvironmentVariable: "SABNZBD__PORT", probe: .http(path: "/api?mode=version"),
                security: .rootless, resources: .requests(cpu: "50m", memory: "512Mi", memoryLimit: "4Gi"),
                scratchVolumes: [logScratch],
                // SABnzbd answers only Host headers it knows: its route's and the names the *arr apps call it by.
                hostSettings: [.hostWhitelist(variable: "SABNZBD__HOST_WHITELIST_ENTRIES")],
                // History lives in a SQLite database (history1.db) in /config.
                media: .manages, usesSQLite: true, metricsExporter: .exportarrAPIKey(mode: "sabnzbd"))),
        CatalogEntry(
            "deluge", .torrentClient, "Deluge: BitTorrent client",
            spec: ServiceSpec(
                // No health endpoint verified (CATALOG.md): TCP. Unverified tag: home-operations/containers
                // apps/deluge builds Alpine's `deluge` package and tags its version; 2.2.0 is Deluge's latest
                // release.
                image: .pinned("ghcr.io/home-operations/deluge", "2.2.0"),
                port: .http(8112), probe: .tcp, security: .rootless,
                resources: .requests(cpu: "50m", memory: "256Mi", memoryLimit: "2Gi"), media: .manages)),
        CatalogEntry(
            "jdownloader2", .directDownloader, "JDownloader 2: direct downloads from hosters",
            spec: ServiceSpec(
                // The noVNC web UI on 5800; no health endpoint verified (CATALOG.md): TCP. jlesage images start as
                // root and drop to USER_ID/GROUP_ID.
                image: .pinned("docker.io/jlesage/jdownloader-2", "v26.09.1"),
                port: .http(5800), probe: .tcp, security: .dropsRoot,
                resources: .requests(cpu: "50m", memory: "512Mi", memoryLimit: "2Gi"),
                environment: ["USER_ID": "{uid}", "GROUP_ID": "{gid}"], media: .manages)),
    ]
}
