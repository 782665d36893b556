/// How mediactl runs one catalog service: its image, port, probe, volumes, security and the extra parts
/// (sidecars, CronJobs, config files) around it. Facts come from `CATALOG.md`; each catalog entry cites
/// the sources of what is not obvious.
public struct ServiceSpec: Hashable, Sendable {
    /// The container image, pinned to a real tag (never `latest`).
    public var image: ImageReference
    /// The port the main container serves on (web UI, API or metrics); nil for workers without one.
    public var port: ServicePort?
    /// The environment variable that moves the port, when the image has one; set whenever the port is.
    public var portEnvironmentVariable: String?
    /// How Kubernetes checks the main container's health.
    public var probe: HealthProbe
    /// Where the config volume is mounted; nil when the service keeps no state.
    public var configPath: String?
    /// Which user the image runs as and how much of the root file system it writes.
    public var security: SecurityProfile
    /// Who reaches it when the config does not say (`expose:`).
    public var exposure: Exposure
    /// Whether exposure goes through forward auth when the config does not say (`auth:`).
    public var auth: Bool
    /// Requests and limits when the config does not say.
    public var resources: ResourceRequirements
    /// Arguments of the main container; empty for the image's default command.
    public var arguments: [String]
    /// `emptyDir` volumes the service needs (caches, transcode space, sidecar hand-over).
    public var scratchVolumes: [ScratchVolume]
    /// Containers that run beside the main one.
    public var sidecars: [SidecarSpec]
    /// Scheduled runs of the same image beside the long-running one.
    public var cronJobs: [CronJobSpec]
    /// Files rendered into a ConfigMap and mounted into every container.
    public var configFiles: [ConfigFileSpec]
    /// The HTTP path Prometheus scrapes on ``port``, for exporters; nil when the service has no metrics.
    public var metricsPath: String?
    /// Fixed environment of the main container; `{app}`, `{host}`, `{uid}` and `{gid}` are filled in.
    public var environment: [String: String]
    /// Settings filled in from where the app is reached (its host, in-cluster names, auth in front of it).
    public var hostSettings: [HostSetting]
    /// Rules a Gateway API route puts before its catch-all rule.
    public var routeRules: [RouteRule]
    /// The path an outside check (Gatus) requests when `/` does not answer 200 without a login; nil for `/`.
    public var monitorPath: String?
    /// How it uses the shared media volume; nil when it does not mount it.
    public var media: MediaRole?
    /// Whether it keeps a SQLite (or H2) database in its config folder, which network file systems corrupt.
    public var usesSQLite: Bool
    /// Controllers beside the main one (machine learning, a cache).
    public var companions: [CompanionSpec]
    /// Infrastructure it needs; databases are read from the Secret `<app>-database`.
    public var needs: [ServiceNeed]
    /// The keys `<app>-database` must hold, for `explain` and the docs.
    public var databaseKeys: [String]
    /// A port for peers outside the cluster, on its own Service.
    public var peerPort: PeerPort?
    /// More folders kept on the config PVC; the config path then moves to the PVC's `config/` folder.
    public var statePaths: [StatePath]
    /// When set, the main controller is a CronJob on this schedule instead of a Deployment.
    public var schedule: String?
    /// The exportarr mode for the opt-in metrics sidecar (`exportarr: true`), nil when exportarr has none.
    public var metricsExporter: MetricsExporter?
    /// Cluster-wide read access to find the stack's apps (a dashboard's discovery).
    public var discovery: ClusterDiscovery?

    /// Creates a spec; only image, probe and security have no default.
    public init(
        image: ImageReference, port: ServicePort?, portEnvironmentVariable: String? = nil, probe: HealthProbe,
        configPath: String? = "/config", security: SecurityProfile, exposure: Exposure = .internal,
        auth: Bool = true, resources: ResourceRequirements,
        arguments: [String] = [], scratchVolumes: [ScratchVolume] = [], sidecars: [SidecarSpec] = [],
        cronJobs: [CronJobSpec] = [], configFiles: [ConfigFileSpec] = [], metricsPath: String? = nil,
        environment: [String: String] = [:], hostSettings: [HostSetting] = [], routeRules: [RouteRule] = [],
        monitorPath: String? = nil,
        media: MediaRole? = nil,
        usesSQLite: Bool = false,
        companions: [CompanionSpec] = [], needs: [ServiceNeed] = [], databaseKeys: [String] = [],
        peerPort: PeerPort? = nil, statePaths: [StatePath] = [], schedule: String? = nil,
        metricsExporter: MetricsExporter? = nil, discovery: ClusterDiscovery? = nil
    ) {
        self.discovery = discovery
        self.image = image
        self.port = port
        self.portEnvironmentVariable = portEnvironmentVariable
        self.probe = probe
        self.configPath = configPath
        self.security = security
        self.exposure = exposure
        self.auth = auth
        self.resources = resources
        self.arguments = arguments
        self.scratchVolumes = scratchVolumes
        self.sidecars = sidecars
        self.cronJobs = cronJobs
        self.configFiles = configFiles
        self.metricsPath = metricsPath
        self.environment = environment
        self.hostSettings = hostSettings
        self.routeRules = routeRules
        self.monitorPath = monitorPath
        self.media = media
        self.usesSQLite = usesSQLite
        self.companions = companions
        self.needs = needs
        self.databaseKeys = databaseKeys
        self.peerPort = peerPort
        self.statePaths = statePaths
        self.schedule = schedule
        self.metricsExporter = metricsExporter
    }
}

extension ServiceSpec {
    /// The paths a service keeps state in: its config path and its state paths. A generic app (no spec)
    /// keeps its config in `/config`. Mounts there are config, not media or downloads.
    public static func statePaths(of spec: ServiceSpec?) -> Set<String> {
        guard let spec else { return ["/config"] }
        return Set([spec.configPath].compactMap { $0 } + spec.statePaths.map(\.path))
    }
}
