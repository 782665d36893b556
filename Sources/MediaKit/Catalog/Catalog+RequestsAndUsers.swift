extension Catalog {
    /// Request portals, dashboards, user management and analytics.
    static let requestsAndUsers: [CatalogEntry] = [
        CatalogEntry(
            "overseerr", .requests, "Overseerr: media requests for Plex; merged into Seerr",
            status: .deprecated(replacedBy: ServiceID(rawValue: "seerr")),
            // 1.34.0 is Overseerr's last release; seed 001's resources are its defaults.
            spec: requestPortal(image: .pinned("ghcr.io/sct/overseerr", "1.34.0"))),
        CatalogEntry(
            "jellyseerr", .requests, "Jellyseerr: media requests for Jellyfin; merged into Seerr",
            status: .deprecated(replacedBy: ServiceID(rawValue: "seerr"))),
        CatalogEntry(
            "seerr", .requests, "Seerr: media requests for Plex, Jellyfin and Emby",
            spec: requestPortal(image: .pinned("ghcr.io/seerr-team/seerr", "v3.4.1"))),
        CatalogEntry(
            "petio", .requests, "Petio: media requests; upstream inactive",
            status: .deprecated(replacedBy: ServiceID(rawValue: "seerr"))),
        CatalogEntry("organizr", .dashboard, "Organizr: tabbed dashboard"),
        CatalogEntry("homepage", .dashboard, "Homepage: start page that reads Ingress annotations"),
        CatalogEntry(
            "wizarr", .users, "Wizarr: invitations to the media server",
            spec: ServiceSpec(
                // The image's entrypoint drops from root to PUID/PGID with su-exec (wizarrrr/wizarr Dockerfile).
                image: .pinned("ghcr.io/wizarrrr/wizarr", "4.1.1"),
                port: .http(5690), probe: .http(path: "/health"), configPath: "/data/database",
                security: .dropsRoot,
                // Invite links must open without a login (seed 000).
                exposure: .external, auth: false,
                resources: .requests(cpu: "10m", memory: "256Mi", memoryLimit: "1Gi"))),
        CatalogEntry(
            "tautulli", .analytics, "Tautulli: Plex statistics and notifications",
            spec: ServiceSpec(
                image: .pinned("ghcr.io/home-operations/tautulli", "2.16.1"),
                port: .http(8181), portEnvironmentVariable: "TAUTULLI_HTTP_PORT", probe: .http(path: "/status"),
                security: .rootless, resources: .requests(cpu: "10m", memory: "128Mi", memoryLimit: "512Mi"),
                // Seed 001: a git-sync sidecar keeps the JBOPS scripts in an `add-ons` emptyDir.
                scratchVolumes: [ScratchVolume(name: "add-ons", path: "/add-ons")],
                sidecars: [
                    SidecarSpec(
                        name: "jbops", image: .pinned("registry.k8s.io/git-sync/git-sync", "v4.7.0"),
                        arguments: [
                            "--repo=https://github.com/blacktwin/JBOPS", "--ref=master", "--period=86400s",
                            "--root=/add-ons",
                        ],
                        resources: .requests(cpu: "5m", memory: "32Mi", memoryLimit: "128Mi"))
                ])),
    ]

    /// Overseerr and Seerr share a code base: port 5055 with `PORT`, `/api/v1/status`, config in
    /// `/app/config`, exposed externally with their own Plex sign-in.
    private static func requestPortal(image: ImageReference) -> ServiceSpec {
        ServiceSpec(
            image: image, port: .http(5055), portEnvironmentVariable: "PORT", probe: .http(path: "/api/v1/status"),
            configPath: "/app/config", security: .nonRoot, exposure: .external, auth: false,
            resources: ResourceRequirements(
                requests: .init(cpu: "100m", memory: "128Mi"), limits: .init(cpu: "1000m", memory: "1024Mi")))
    }
}
