/// One app of the stack as written in `mediactl.yaml`, with file-level defaults applied and
/// catalog-level defaults still open (nil means "the catalog decides").
public struct AppSpec: Hashable, Sendable {
    /// The app's name (its key under `apps:`).
    public var name: AppName
    /// The catalog service it runs; defaults to the name.
    public var service: ServiceID
    /// Whether Flux applies it: `ks.yaml` when true, `ks.dis` when false.
    public var enabled = true
    /// Its namespace, when it differs from the stack's default.
    public var namespace: String?
    /// The container image, when it overrides the catalog's.
    public var image: ImageReference?
    /// The HTTP port, when it overrides the catalog's (required for generic apps).
    public var port: Int?
    /// Who can reach it; nil means the catalog's default.
    public var expose: Exposure?
    /// The host name under the cluster domain; nil means the app's name.
    public var host: String?
    /// Whether exposure goes through forward auth; nil means the catalog's default.
    public var auth: Bool?
    /// CPU and memory requests and limits.
    public var resources: ResourceRequirements?
    /// Environment variables.
    public var env: [String: String] = [:]
    /// Environment variables read from secrets.
    public var secrets: [String: SecretSource] = [:]
    /// The config volume.
    public var storage = AppStorage.default
    /// Mounts of shared volumes.
    public var mounts: [VolumeMount] = []
    /// Flux Kustomizations this app waits for: apps in the file or external names.
    public var dependsOn: [String] = []
    /// Kustomize components of the repository (paths from its root, such as `kubernetes/components/volsync`)
    /// that the app's Flux Kustomization applies with its files.
    public var components: [String] = []
    /// Variables the app's Flux Kustomization substitutes (`postBuild.substitute`), for its components.
    public var substitute: [String: String] = [:]
    /// Node labels the pod must be scheduled on.
    public var nodeSelector: [String: String] = [:]
    /// A GPU to request for hardware transcoding.
    public var gpu: GPUKind?
    /// The number of pods, when it overrides the default of 1.
    public var replicas: Int?
    /// Whether to run the exportarr metrics sidecar (*arr apps and SABnzbd).
    public var exportarr = false
    /// A gluetun VPN sidecar for a download client.
    public var vpn: VPNSettings?
    /// The app's raw port on a LoadBalancer Service.
    public var loadBalancer: LoadBalancerSettings?
    /// For proxy apps: the remote apps it routes to.
    public var proxy: ProxySpec?
    /// Dashboard icon and group.
    public var dashboard: DashboardSettings?
    /// False turns a dashboard's discovery of the stack's apps off (``ClusterDiscovery``); nil keeps the catalog's.
    public var discovery: Bool?
    /// Raw app-template values, deep-merged over the rendered values.
    public var values: [String: RawValue] = [:]
    /// Hand-written files listed in the app's `kustomization.yaml`, relative to its `app/` folder.
    public var extraResources: [String] = []

    /// An app with every default: enabled, running the service of the same name.
    public init(name: AppName) {
        self.name = name
        self.service = ServiceID(rawValue: name.rawValue)
    }

    /// The catalog entry of its service, if the catalog has one.
    public var catalogEntry: CatalogEntry? { Catalog.entry(for: service) }
}
