extension Catalog {
    /// Exporters, sync jobs and configuration tools.
    static let extras: [CatalogEntry] = [
        CatalogEntry(
            "plex-exporter", .exporter, "Prometheus exporter for Plex",
            spec: ServiceSpec(
                // The image is published only as `main` and `latest` (jsclayton/prometheus-plex-exporter,
                // .github/workflows/publish.yml); `main` is the less surprising of the two. Pin a digest with
                // `image:` for reproducible pulls.
                image: .pinned("ghcr.io/jsclayton/prometheus-plex-exporter", "main"),
                port: .metrics(9000), probe: .tcp, configPath: nil, security: .rootless, exposure: .none,
                resources: .requests(cpu: "10m", memory: "32Mi", memoryLimit: "128Mi"),
                metricsPath: "/metrics")),
        CatalogEntry(
            "plex-trakt-sync", .sync, "PlexTraktSync: syncs Plex watch history with Trakt",
            spec: ServiceSpec(
                // Seed 001: a Deployment running `watch` plus a daily CronJob running `sync`, config.yml from a
                // ConfigMap. The image starts as root and drops to PUID/PGID.
                image: .pinned("ghcr.io/taxel/plextraktsync", "0.34.16"),
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
                // A daily CronJob running `sync` (CATALOG.md); recyclarr.yml goes in /config. 7.5.2 is the last 7.x
                // (8.x changed the config format).
                image: .pinned("ghcr.io/recyclarr/recyclarr", "7.5.2"),
                port: nil, probe: .none, security: .nonRoot, exposure: .none,
                resources: .requests(cpu: "10m", memory: "64Mi", memoryLimit: "256Mi"),
                arguments: ["sync"], schedule: "@daily")),
    ]

    /// The exportarr metrics sidecar (`exportarr: true`): port 9707, `/healthz`, metrics at `/metrics`.
    public static let exportarrImage: ImageReference = .pinned("ghcr.io/onedr0p/exportarr", "v2.3.0")
    /// The port exportarr serves metrics on, named `metrics` on the app's Service.
    public static let exportarrPort = ServicePort.metrics(9707)
    /// The gluetun VPN sidecar (`vpn:`, seed 004); it needs `NET_ADMIN` for its tunnel.
    public static let gluetunImage: ImageReference = .pinned("ghcr.io/qdm12/gluetun", "v3.41.1")

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
