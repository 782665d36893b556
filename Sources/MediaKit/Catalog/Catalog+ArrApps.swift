extension Catalog {
    /// The *arr apps: library managers, indexers and subtitles. The managers and Bazarr mount the media volume
    /// read-write at the shared path, like the download clients, so imports are hardlinks or atomic moves.
    static let arrApps: [CatalogEntry] = [
        CatalogEntry(
            "sonarr", .arr, "Sonarr: TV series library manager",
            spec: arrApp(
                "ghcr.io/home-operations/sonarr", "4.0.19.3001",
                digest: "2fef93accb445aeb1773e454825ac903f7d66d9addfe045d56fff69ba8181c82", port: 8989,
                variable: "SONARR__SERVER__PORT",
                name: "Sonarr", exportarr: "sonarr")),
        CatalogEntry(
            "radarr", .arr, "Radarr: movie library manager",
            spec: arrApp(
                "ghcr.io/home-operations/radarr", "6.4.1.10545",
                digest: "260469d707617f4b5be1cd11a40be7e4889c63c5e7cdbc6a429626dc05863b6b", port: 7878,
                variable: "RADARR__SERVER__PORT",
                name: "Radarr", exportarr: "radarr")),
        CatalogEntry(
            "lidarr", .arr, "Lidarr: music library manager",
            // /ping is anonymous in Lidarr too (Lidarr/Lidarr src/Lidarr.Http/Ping/PingController.cs).
            spec: arrApp(
                "ghcr.io/home-operations/lidarr", "3.1.3.4987",
                digest: "cd237339c1fef890437e1f5e896cb25e7c0b2abbe71abd1a614122f8aa13f89d", port: 8686,
                variable: "LIDARR__SERVER__PORT",
                name: "Lidarr", exportarr: "lidarr")),
        CatalogEntry(
            "readarr", .arr, "Readarr: book library manager; archived upstream 2025-06-27",
            status: .retired(replacedBy: nil),
            // The last linuxserver builds were nightlies; the image may be gone from the registry (CATALOG.md).
            spec: ServiceSpec(
                image: .pinned("lscr.io/linuxserver/readarr", "nightly-0.4.19.2811-ls400"),
                port: .http(8787), probe: .http(path: "/ping"), security: .dropsRoot,
                resources: .requests(cpu: "10m", memory: "256Mi", memoryLimit: "2Gi"),
                media: .manages, usesSQLite: true, metricsExporter: .exportarrConfigFile(mode: "readarr"))),
        CatalogEntry(
            "mylar3", .arr, "Mylar3: comic library manager",
            spec: ServiceSpec(
                // No health endpoint verified (CATALOG.md): TCP.
                image: .pinned("lscr.io/linuxserver/mylar3", "v0.11.0-ls273"),
                port: .http(8090), probe: .tcp, security: .dropsRoot,
                resources: .requests(cpu: "10m", memory: "256Mi", memoryLimit: "1Gi"),
                media: .manages, usesSQLite: true)),
        CatalogEntry(
            "prowlarr", .indexers, "Prowlarr: indexer manager for the *arr apps",
            spec: ServiceSpec(
                image: .pinned(
                    "ghcr.io/home-operations/prowlarr", "2.6.5.5623",
                    digest: "6152751c3ea2e7751564f5952173d5e83eed0e09f3fabd2cb6bdb58690c39e2f"),
                port: .http(9696), portEnvironmentVariable: "PROWLARR__SERVER__PORT", probe: .http(path: "/ping"),
                security: .rootless, resources: .requests(cpu: "10m", memory: "256Mi", memoryLimit: "1Gi"),
                scratchVolumes: [logScratch], environment: servarrEnvironment(prefix: "PROWLARR", name: "Prowlarr"),
                hostSettings: [.servarrExternalAuth(prefix: "PROWLARR")],
                usesSQLite: true, metricsExporter: .exportarrConfigFile(mode: "prowlarr"))),
        CatalogEntry(
            "bazarr", .subtitles, "Bazarr: subtitles for Sonarr and Radarr",
            spec: ServiceSpec(
                // /api/system/ping answers without a key (as nixarr probes it). Bazarr writes subtitles beside the
                // media, at the paths Sonarr and Radarr report, so it mounts the media volume like them.
                image: .pinned("ghcr.io/home-operations/bazarr", "1.6.1"),
                port: .http(6767), portEnvironmentVariable: "BAZARR__PORT", probe: .http(path: "/api/system/ping"),
                security: .rootless, resources: .requests(cpu: "10m", memory: "256Mi", memoryLimit: "1Gi"),
                media: .manages, usesSQLite: true, metricsExporter: .exportarrAPIKey(mode: "bazarr"))),
    ]

    /// A Servarr library manager on a home-operations image: `/ping` (anonymous), SQLite in /config, the
    /// media volume read-write, exportarr reading its `config.xml`.
    private static func arrApp(
        _ repository: String, _ tag: String, digest: String, port: Int, variable: String, name: String,
        exportarr mode: String
    ) -> ServiceSpec {
        let prefix = name.uppercased()
        return ServiceSpec(
            image: .pinned(repository, tag, digest: digest), port: .http(port), portEnvironmentVariable: variable,
            probe: .http(path: "/ping"), security: .rootless,
            resources: .requests(cpu: "10m", memory: "256Mi", memoryLimit: "2Gi"), scratchVolumes: [logScratch],
            environment: servarrEnvironment(prefix: prefix, name: name),
            hostSettings: [.servarrExternalAuth(prefix: prefix)],
            media: .manages, usesSQLite: true, metricsExporter: .exportarrConfigFile(mode: mode))
    }

    /// What every current home-ops repository sets on a Servarr app (`<APP>__SECTION__KEY` variables override
    /// its `config.xml`): the name its pages and notifications show, and no log table in its SQLite database,
    /// which grows it for nothing (onedr0p/home-ops and bjw-s-labs/home-ops, `sonarr/app/helmrelease.yaml`).
    private static func servarrEnvironment(prefix: String, name: String) -> [String: String] {
        ["\(prefix)__APP__INSTANCENAME": name, "\(prefix)__LOG__DBENABLED": "False"]
    }
}
