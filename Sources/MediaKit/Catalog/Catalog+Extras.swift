extension Catalog {
    /// Exporters, sync jobs and configuration tools.
    static let extras: [CatalogEntry] = [
        CatalogEntry(
            "plex-exporter", .exporter, "Prometheus exporter for Plex",
            spec: ServiceSpec(
                // The image is published only as `main` and `latest` (jsclayton/prometheus-plex-exporter,
                // .github/workflows/publish.yml), so `main` is pinned by the digest public repositories run
                // (tscibilia/home-ops `kubernetes/apps/observability/exporters/plex-exporter/app/helmrelease.yaml`).
                image: .pinned(
                    "ghcr.io/jsclayton/prometheus-plex-exporter", "main",
                    digest: "18ef1b2197efbcb75bd7276380955760995f10a9fbe55106809a6fcff91c2940"),
                port: .metrics(9000), probe: .tcp, configPath: nil, security: .rootless, exposure: .none,
                resources: .requests(cpu: "10m", memory: "32Mi", memoryLimit: "128Mi"),
                metricsPath: "/metrics")),
        CatalogEntry(
            "plex-trakt-sync", .sync, "PlexTraktSync: syncs Plex watch history with Trakt",
            spec: ServiceSpec(
                // Seed 001: a Deployment running `watch` plus a daily CronJob running `sync`, config.yml from a
                // ConfigMap. The image starts as root and drops to PUID/PGID.
                image: .pinned(
                    "ghcr.io/taxel/plextraktsync", "0.35.17",
                    digest: "d4c8ce2fefb0ff0cbf8934c0331b8a03745aac6663f4d7e46ada51ac12c2e113"),
                port: nil, probe: .none, configPath: "/app/config", security: .dropsRoot, exposure: .none,
                resources: .requests(cpu: "10m", memory: "128Mi", memoryLimit: "512Mi"),
                arguments: ["watch"],
                cronJobs: [CronJobSpec(name: "sync", schedule: "@daily", arguments: ["sync"])],
                configFiles: [
                    ConfigFileSpec(
                        name: "config.yml", path: "/app/config/config.yml", contents: plexTraktSyncConfig)
                ])),
        CatalogEntry(
            "recyclarr", .configSync, "Recyclarr: keeps *arr quality profiles in code",
            spec: ServiceSpec(
                // A daily CronJob running `sync` (CATALOG.md); recyclarr.yml goes in /config. 8.x changed the config
                // layout (recyclarr.dev upgrade guide, v8.0): a config written for 7.x needs its changes.
                image: .pinned(
                    "ghcr.io/recyclarr/recyclarr", "8.7.1",
                    digest: "73303ba5ee647b6492fee917d3a781c6e59b6cab08f9dfce9482a950846f564f"),
                port: nil, probe: .none, security: .nonRoot, exposure: .none,
                resources: .requests(cpu: "10m", memory: "64Mi", memoryLimit: "256Mi"),
                arguments: ["sync"], schedule: "@daily")),
    ]

    /// The exportarr metrics sidecar (`exportarr: true`): port 9707, `/healthz`, metrics at `/metrics`.
    public static let exportarrImage: ImageReference = .pinned(
        "ghcr.io/onedr0p/exportarr", "v2.3.0",
        digest: "af535d94061cf97a52e1661945ffba78c03f9443eae7c0da1a80a5a4be56b520")
    /// The port exportarr serves metrics on, named `metrics` on the app's Service.
    public static let exportarrPort = ServicePort.metrics(9707)
    /// The gluetun VPN sidecar (`vpn:`, seed 004); it needs `NET_ADMIN` for its tunnel.
    public static let gluetunImage: ImageReference = .pinned(
        "ghcr.io/qdm12/gluetun", "v3.41.3", digest: "fa19cc76b2af13d57a8d3dc3066f2ada061b1c761b8aecf989b3877c0486e027")

    /// The settings seed 001 mounts from its ConfigMap: the `sync` and `watch` sections of PlexTraktSync's
    /// `config.default.yml`; every other setting keeps its default.
    static let plexTraktSyncConfig = """
        sync:
          plex_to_trakt:
            collection: true
            ratings: true
            watched_status: true
            watchlist: true
          trakt_to_plex:
            liked_lists: true
            ratings: true
            watched_status: true
            watchlist: true
        watch:
          add_collection: false
          remove_collection: false
          scrobble_threshold: 80
          username_filter: true

        """
}
