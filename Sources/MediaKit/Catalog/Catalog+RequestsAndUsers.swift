extension Catalog {
    /// Request portals, dashboards, user management and analytics.
    static let requestsAndUsers: [CatalogEntry] = [
        CatalogEntry(
            "overseerr", .requests, "Overseerr: media requests for Plex; merged into Seerr",
            status: .deprecated(replacedBy: ServiceID(rawValue: "seerr")),
            // 1.34.0 is Overseerr's last release; seed 001's resources are its defaults.
            spec: requestPortal(
                image: .pinned(
                    "ghcr.io/sct/overseerr", "1.34.0",
                    digest: "4f38f58d68555004d3f487a4c5cbe2823e6a0942d946a25a2d9391d8492240a4"))),
        CatalogEntry(
            "jellyseerr", .requests, "Jellyseerr: media requests for Jellyfin; merged into Seerr",
            status: .deprecated(replacedBy: ServiceID(rawValue: "seerr")),
            // 2.7.3 is the last release before the merge (pinned in public configs).
            spec: requestPortal(
                image: .pinned(
                    "docker.io/fallenbagel/jellyseerr", "2.7.3",
                    digest: "4538137bc5af902dece165f2bf73776d9cf4eafb6dd714670724af8f3eb77764"))),
        CatalogEntry(
            "seerr", .requests, "Seerr: media requests for Plex, Jellyfin and Emby",
            // Seerr runs with a read-only root file system in every current home-ops repository (onedr0p/home-ops
            // `kubernetes/apps/default/seerr/app/helmrelease.yaml`, buroa/k8s-gitops); its logs go to scratch.
            spec: requestPortal(
                image: .pinned(
                    "ghcr.io/seerr-team/seerr", "v3.4.1",
                    digest: "f4768de5f616248d723e05891f3345a1402123775d03bf0890dbfedc0831bda1"), security: .rootless,
                scratchVolumes: [ScratchVolume(name: "logs", path: "/app/config/logs")])),
        CatalogEntry(
            "petio", .requests, "Petio: media requests; upstream inactive",
            status: .deprecated(replacedBy: ServiceID(rawValue: "seerr")),
            spec: ServiceSpec(
                // No health endpoint verified (CATALOG.md): TCP. Unverified tag: Petio's docs and every public config
                // found use `latest`, and its Earthfile pushes a label and the commit SHA; 0.5.7 is assumed to be
                // the last release's label. Pin with `image:` after checking the registry. Its MongoDB URL is
                // entered in the setup wizard; `<app>-database` carries it for reference.
                image: .pinned("ghcr.io/petio-team/petio", "0.5.7"),
                port: .http(7777), probe: .tcp, configPath: "/app/config", security: .nonRoot,
                resources: .requests(cpu: "50m", memory: "256Mi", memoryLimit: "1Gi"),
                needs: [.mongodb], databaseKeys: ["MONGO_URL"])),
        CatalogEntry(
            "organizr", .dashboard, "Organizr: tabbed dashboard; upstream inactive since 2023",
            // causefx/Organizr's last commit is from 2023-11 and no public home-ops repository runs it; Homepage is
            // the dashboard they run.
            status: .deprecated(replacedBy: ServiceID(rawValue: "homepage")),
            spec: ServiceSpec(
                // No health endpoint verified (CATALOG.md): TCP. The ghcr.io repository carries only per-arch and
                // moving tags; Docker Hub has version tags such as 2.1.5680. s6-based: starts as root.
                image: .pinned("docker.io/organizr/organizr", "2.1.5680"),
                port: .http(80), probe: .tcp, security: .dropsRoot,
                resources: .requests(cpu: "10m", memory: "128Mi", memoryLimit: "512Mi"), usesSQLite: true)),
        CatalogEntry(
            "homepage", .dashboard, "Homepage: start page that finds the stack's apps from their routes and Ingresses",
            spec: ServiceSpec(
                // HTTP `/` (CATALOG.md) answers only for hosts in HOMEPAGE_ALLOWED_HOSTS, and a kubelet probe comes
                // from the pod IP, so the probe is TCP.
                image: .pinned(
                    "ghcr.io/gethomepage/homepage", "v2.1.2",
                    digest: "da9dca9ec258c628146bed1445da0853f2b88f0b10bafd97c091de807c363d60"),
                port: .http(3000), probe: .tcp, configPath: "/app/config", security: .dropsRoot,
                resources: .requests(cpu: "10m", memory: "128Mi", memoryLimit: "512Mi"),
                environment: ["HOMEPAGE_ALLOWED_HOSTS": "{host}"],
                discovery: homepageDiscovery)),
        CatalogEntry(
            "wizarr", .users, "Wizarr: invitations to the media server",
            spec: ServiceSpec(
                // The image's entrypoint drops from root to PUID/PGID with su-exec (wizarrrr/wizarr Dockerfile).
                image: .pinned("ghcr.io/wizarrrr/wizarr", "v2026.7.1"),
                port: .http(5690), probe: .http(path: "/health"), configPath: "/data/database",
                security: .dropsRoot,
                // Invite links must open without a login (seed 000).
                exposure: .external, auth: false,
                resources: .requests(cpu: "10m", memory: "256Mi", memoryLimit: "1Gi"), usesSQLite: true)),
        CatalogEntry(
            "tautulli", .analytics, "Tautulli: Plex statistics and notifications",
            spec: ServiceSpec(
                image: .pinned(
                    "ghcr.io/home-operations/tautulli", "2.17.2",
                    digest: "7592e192e2dd5297054a80c0f1e8b2593f7675af75c5020806b30c712e159406"),
                port: .http(8181), portEnvironmentVariable: "TAUTULLI_HTTP_PORT", probe: .http(path: "/status"),
                security: .rootless, resources: .requests(cpu: "10m", memory: "128Mi", memoryLimit: "512Mi"),
                // Seed 001: a git-sync sidecar keeps the JBOPS scripts in an `add-ons` emptyDir.
                scratchVolumes: [ScratchVolume(name: "add-ons", path: "/add-ons"), logScratch],
                sidecars: [
                    SidecarSpec(
                        name: "jbops",
                        image: .pinned(
                            "registry.k8s.io/git-sync/git-sync", "v4.7.1",
                            digest: "c5e1976da735bf0b53979f079a07475d77174c51863cd084e928ff6074480717"),
                        arguments: [
                            "--repo=https://github.com/blacktwin/JBOPS", "--ref=master", "--period=86400s",
                            "--root=/add-ons",
                        ],
                        resources: .requests(cpu: "5m", memory: "32Mi", memoryLimit: "128Mi"))
                ],
                hostSettings: [.publicURL(variable: "TAUTULLI_HTTP_BASE_URL")], usesSQLite: true)),
    ]

    /// What Homepage reads to list apps and their status: namespaces, pods and nodes, Ingresses, Gateway API
    /// routes and gateways, pod and node metrics, and whether a CRD exists. The rules are those of its Kubernetes
    /// installation guide; home-ops repositories grant the same (jfroy/flatops
    /// `kubernetes/apps/default/homepage/app/rbac.yaml`, rafaribe/home-ops
    /// `kubernetes/apps/services/homepage/app/helmrelease.yaml`).
    private static let homepageDiscovery = ClusterDiscovery(
        rules: [
            .init(apiGroups: [""], resources: ["namespaces", "pods", "nodes"]),
            .init(apiGroups: ["extensions", "networking.k8s.io"], resources: ["ingresses"]),
            .init(apiGroups: ["gateway.networking.k8s.io"], resources: ["httproutes", "gateways"]),
            .init(apiGroups: ["metrics.k8s.io"], resources: ["nodes", "pods"]),
            .init(
                apiGroups: ["apiextensions.k8s.io"], resources: ["customresourcedefinitions/status"], verbs: ["get"]),
        ],
        // Kubernetes mode finds every route or Ingress marked `gethomepage.dev/enabled`; Traefik's IngressRoutes are
        // off, since most clusters lack their CRD (gethomepage.dev, "Kubernetes").
        configFile: ConfigFileSpec(
            name: "kubernetes.yaml", path: "/app/config/kubernetes.yaml",
            contents: "mode: cluster\ningress: {ingress}\ngateway: {gateway}\ntraefik: false\n"))

    /// Overseerr, Jellyseerr and Seerr share a code base: port 5055 with `PORT`, `/api/v1/status`, config in
    /// `/app/config`, exposed externally with their own Plex sign-in.
    private static func requestPortal(
        image: ImageReference, security: SecurityProfile = .nonRoot, scratchVolumes: [ScratchVolume] = []
    ) -> ServiceSpec {
        ServiceSpec(
            image: image, port: .http(5055), portEnvironmentVariable: "PORT", probe: .http(path: "/api/v1/status"),
            configPath: "/app/config", security: security, exposure: .external, auth: false,
            resources: ResourceRequirements(
                requests: .init(cpu: "100m", memory: "128Mi"), limits: .init(cpu: "1000m", memory: "1024Mi")),
            scratchVolumes: scratchVolumes, usesSQLite: true)
    }
}
