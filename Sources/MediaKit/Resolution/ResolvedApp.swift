/// One app with every default applied: the stack's, the catalog's and the app's own settings merged.
/// It is what the renderer translates and what `mediactl explain` prints. ``AppResolver`` creates it.
///
/// Its settings are declared once, in ``Settings``, and read as the app's own properties (`app.name`).
/// They live in one immutable box that every copy shares: apps are copied into filtered lists, traffic
/// flows and diagrams, and copying every field each time made a render measurably slower
/// (`Benchmarks/README.md`).
@dynamicMemberLookup
public struct ResolvedApp: Hashable, Sendable {
    /// What Flux deploys for the app.
    public enum Kind: Hashable, Sendable {
        /// A workload rendered with the app-template chart.
        case workload
        /// No workload: one ExternalName Service and one Ingress per proxied app (seed 001's mediabox).
        case proxy(ProxySpec)
    }

    /// The resolved settings, read through the app (`app.name` is `settings.name`).
    public struct Settings: Hashable, Sendable {
        /// The app's name: the Flux Kustomization, HelmRelease and controller are called this.
        public let name: AppName
        /// The catalog service it runs.
        public let service: ServiceID
        /// The catalog entry, nil for a generic app.
        public let catalogEntry: CatalogEntry?
        /// Whether Flux applies it (`ks.yaml`) or not (`ks.dis`).
        public let enabled: Bool
        /// The namespace it is deployed to.
        public let namespace: String
        /// A workload or a proxy.
        public let kind: Kind
        /// The main container's image; nil for a proxy.
        public let image: ImageReference?
        /// The main container's port; nil for workers and proxies.
        public let port: ServicePort?
        /// The variable that tells the image its port, if any.
        public let portEnvironmentVariable: String?
        /// The health check of the main container.
        public let probe: HealthProbe
        /// Who can reach it.
        public let exposure: Exposure
        /// The full host name (`<host>.<domain>`) when exposed, nil otherwise.
        public let host: String?
        /// Whether exposure goes through forward auth.
        public let auth: Bool
        /// Requests and limits of the main container.
        public let resources: ResourceRequirements
        /// Environment of the main container: TZ, PUID/PGID where the image wants them, the port variable,
        /// then the config's `env`.
        public let environment: [String: String]
        /// Environment variables read from secrets.
        public let secrets: [String: SecretSource]
        /// The app's own config volume, nil when it keeps no state or keeps it on a shared volume.
        public let configVolume: ConfigVolume?
        /// Shared volumes mounted into the app.
        public let mounts: [ResolvedMount]
        /// `emptyDir` volumes.
        public let scratchVolumes: [ScratchVolume]
        /// Containers beside the main one.
        public let sidecars: [SidecarSpec]
        /// Scheduled runs beside the main controller.
        public let cronJobs: [CronJobSpec]
        /// Files rendered into the app's ConfigMap.
        public let configFiles: [ConfigFileSpec]
        /// Cluster-wide read access to find the stack's apps, under a ServiceAccount of the app's name.
        public let discovery: ClusterDiscovery?
        /// Arguments of the main container.
        public let arguments: [String]
        /// How the image runs.
        public let security: SecurityProfile
        /// Flux Kustomizations this one waits for.
        public let dependsOn: [FluxDependency]
        /// Whether another app of the file depends on this one (its `ks.yaml` then sets `wait: true`).
        public let hasDependents: Bool
        /// Kustomize components the `ks.yaml` applies, as paths from the repository's root.
        public let components: [String]
        /// `postBuild.substitute` of the `ks.yaml`.
        public let substitute: [String: String]
        /// Node labels the pod must be scheduled on.
        public let nodeSelector: [String: String]
        /// A GPU to request.
        public let gpu: GPUKind?
        /// The number of pods.
        public let replicas: Int?
        /// Dashboard icon and group.
        public let dashboard: DashboardSettings?
        /// Controllers beside the main one, their environment filled in.
        public let companions: [CompanionSpec]
        /// Infrastructure the service needs.
        public let needs: [ServiceNeed]
        /// The keys the Secret ``databaseSecretName`` must hold.
        public let databaseKeys: [String]
        /// The port for peers outside the cluster, on its own Service.
        public let peerPort: PeerPort?
        /// The raw port (``peerPort``, else the main port) on a LoadBalancer Service.
        public let loadBalancer: LoadBalancerSettings?
        /// Where Prometheus scrapes the app: an exporter's own port, or the exportarr sidecar's.
        public let metrics: MetricsEndpoint?
        /// Whether the app keeps a SQLite database in its config folder.
        public let usesSQLite: Bool
        /// More folders on the config PVC.
        public let statePaths: [StatePath]
        /// The main controller runs as a CronJob on this schedule when set.
        public let schedule: String?
        /// Raw chart values merged last.
        public let values: [String: RawValue]
        /// Hand-written files listed in the app's `kustomization.yaml`.
        public let extraResources: [String]
    }

    /// The box that copies of an app share.
    @usableFromInline
    final class Storage: Sendable {
        @usableFromInline
        let settings: Settings

        init(_ settings: Settings) { self.settings = settings }
    }

    @usableFromInline
    let storage: Storage

    /// An app with these settings.
    init(_ settings: Settings) { storage = Storage(settings) }

    /// The setting at `keyPath`: `app.name` reads `settings.name`.
    @inlinable
    public subscript<Value>(dynamicMember keyPath: KeyPath<Settings, Value>) -> Value {
        storage.settings[keyPath: keyPath]
    }

    /// Equal when every setting is equal.
    public static func == (lhs: ResolvedApp, rhs: ResolvedApp) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.settings == rhs.storage.settings
    }

    /// Hashes every setting.
    public func hash(into hasher: inout Hasher) { hasher.combine(storage.settings) }
}

extension ResolvedApp.Settings {
    /// The catalog category, nil for a generic app.
    public var category: ServiceCategory? { catalogEntry?.category }

    /// The Secret that holds the app's `externalSecret` values: `<app>-secret`.
    public var externalSecretName: String { "\(name)-secret" }

    /// Whether the app keeps state that two pods must not share: a config PVC, or a mount at its config path
    /// (config on a shared volume). Its Deployment then uses the `Recreate` strategy.
    public var keepsConfig: Bool {
        if configVolume != nil { return true }
        let statePaths = ServiceSpec.statePaths(of: catalogEntry?.spec)
        return mounts.contains { statePaths.contains($0.path) }
    }

    /// The Secret the app reads database credentials from (`<app>-database`), when it needs a database.
    public var databaseSecretName: String? { needs.contains(where: \.isDatabase) ? "\(name)-database" : nil }

    /// The exportarr sub-command (`sonarr`, `sabnzbd`…) when the app runs the exportarr sidecar; its metrics
    /// are named after it (`sonarr_queue_total`).
    public var exportarrMode: String? {
        guard sidecars.contains(where: { $0.name == "exportarr" }) else { return nil }
        return catalogEntry?.spec?.metricsExporter?.mode
    }

    /// Whether a container of the main controller reads a Secret made outside the chart (secret variables, the
    /// database Secret, a sidecar's Secret): a rotated Secret then only reaches it through a restart. The chart's
    /// own ConfigMap (config files) needs none: the chart puts its checksum on the pods.
    public var readsExternalSecrets: Bool {
        !secrets.isEmpty || databaseSecretName != nil
            || sidecars.contains { !$0.secretEnvironment.isEmpty || $0.environmentSecret != nil }
    }

    /// Whether the main controller is a Deployment (not a CronJob, not a proxy): Kubernetes reports its
    /// available replicas under the app's name.
    public var runsDeployment: Bool { kind == .workload && schedule == nil }
}
