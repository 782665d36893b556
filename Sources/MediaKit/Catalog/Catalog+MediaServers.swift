/// Media servers: stream the library to clients.
extension Catalog {
    /// Plex, Jellyfin, Emby. Their own clients sign in to them, so forward auth would lock the clients out:
    /// exposed externally without it by default. Each reads the whole media volume.
    static let mediaServers: [CatalogEntry] = [
        CatalogEntry(
            "plex", .mediaServer, "Plex Media Server: streams movies and TV, transcodes",
            spec: ServiceSpec(
                // Tag as pinned in public home-ops repositories (e.g. 1.43.3.10828 with its digest).
                image: .pinned(
                    "ghcr.io/home-operations/plex", "1.43.3.10896",
                    digest: "4f1d88882a9883cc525e7c84b22c67c57416b7d3b35c3412329eeb07786433a7"),
                port: .http(32400), probe: .http(path: "/identity"), security: .rootless,
                exposure: .external, auth: false,
                resources: .requests(cpu: "100m", memory: "1Gi", memoryLimit: "8Gi"),
                scratchVolumes: [ScratchVolume(name: "transcode", path: "/transcode")],
                hostSettings: [.advertisedURLs(variable: "PLEX_ADVERTISE_URL")],
                routeRules: [RouteRule(pathPrefix: "/library/streams", removedRequestHeaders: ["Range"])],
                // `/` asks for a Plex sign-in (401); /identity answers without one.
                monitorPath: "/identity",
                media: .reads, usesSQLite: true)),
        CatalogEntry(
            "jellyfin", .mediaServer, "Jellyfin: free media server, hardware transcoding",
            spec: ServiceSpec(
                // /health per CATALOG.md; the image runs as any user (Jellyfin's docs: `user: uid:gid`) and writes
                // only to /config, /cache (transcodes included) and /tmp, so its root file system is read-only, as
                // bjw-s-labs/home-ops `kubernetes/apps/media/jellyfin/app/helmrelease.yaml` runs it.
                image: .pinned(
                    "ghcr.io/jellyfin/jellyfin", "10.11.11",
                    digest: "45f648c382a0c8b552582fcea40e95cb17c5d475473a891cba0eb7523fb92112"),
                port: .http(8096), probe: .http(path: "/health"), security: .rootless,
                exposure: .external, auth: false,
                resources: .requests(cpu: "100m", memory: "1Gi", memoryLimit: "8Gi"),
                scratchVolumes: [ScratchVolume(name: "cache", path: "/cache")],
                hostSettings: [.publicURL(variable: "JELLYFIN_PublishedServerUrl")],
                media: .reads, usesSQLite: true)),
        CatalogEntry(
            "emby", .mediaServer, "Emby: media server",
            spec: ServiceSpec(
                // Health path unverified (CATALOG.md), so TCP. Tag from home-operations/containers
                // apps/emby/docker-bake.hcl (VERSION 4.10.1.0).
                image: .pinned(
                    "ghcr.io/home-operations/emby", "4.9.5.0",
                    digest: "137b8d2de08dc5c82799318c9c4d876c80ad8c9b4733a9bc0db18b26f2943dc0"),
                port: .http(8096), probe: .tcp, security: .rootless, exposure: .external, auth: false,
                resources: .requests(cpu: "100m", memory: "1Gi", memoryLimit: "8Gi"),
                scratchVolumes: [ScratchVolume(name: "transcode", path: "/transcode")],
                media: .reads, usesSQLite: true)),
    ]
}
