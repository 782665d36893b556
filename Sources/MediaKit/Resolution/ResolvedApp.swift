/// One app with every default applied: the stack's, the catalog's and the app's own settings merged.
/// It is what the renderer translates and what `mediactl explain` prints.
public struct ResolvedApp: Hashable, Sendable {
    /// What Flux deploys for the app.
    public enum Kind: Hashable, Sendable {
        /// A workload rendered with the app-template chart.
        case workload
        /// No workload: one ExternalName Service and one Ingress per proxied app (seed 001's mediabox).
        case proxy(ProxySpec)
    }

    /// The settings, on the heap once and shared by every copy: apps are copied into filtered lists, traffic
    /// flows and diagrams, and copying 41 fields one by one cost about 1,700 instructions a copy.
    private let storage: Storage

    /// Creates an app from its resolved settings (``AppResolver`` does).
    init(
        name: AppName,
        service: ServiceID,
        catalogEntry: CatalogEntry?,
        enabled: Bool,
        namespace: String,
        kind: Kind,
        image: ImageReference?,
        port: ServicePort?,
        portEnvironmentVariable: String?,
        probe: HealthProbe,
        exposure: Exposure,
        host: String?,
        auth: Bool,
        resources: ResourceRequirements,
        environment: [String: String],
        secrets: [String: SecretSource],
        configVolume: ConfigVolume?,
        mounts: [ResolvedMount],
        scratchVolumes: [ScratchVolume],
        sidecars: [SidecarSpec],
        cronJobs: [CronJobSpec],
        configFiles: [ConfigFileSpec],
        arguments: [String],
        security: SecurityProfile,
        dependsOn: [FluxDependency],
        hasDependents: Bool,
        nodeSelector: [String: String],
        gpu: GPUKind?,
        replicas: Int?,
        dashboard: DashboardSettings?,
        companions: [CompanionSpec],
        needs: [ServiceNeed],
        databaseKeys: [String],
        peerPort: PeerPort?,
        loadBalancer: LoadBalancerSettings?,
        metrics: MetricsEndpoint?,
        usesSQLite: Bool,
        statePaths: [StatePath],
        schedule: String?,
        values: [String: RawValue],
        extraResources: [String]
    ) {
        storage = Storage(
            Settings(
                name: name,
                service: service,
                catalogEntry: catalogEntry,
                enabled: enabled,
                namespace: namespace,
                kind: kind,
                image: image,
                port: port,
                portEnvironmentVariable: portEnvironmentVariable,
                probe: probe,
                exposure: exposure,
                host: host,
                auth: auth,
                resources: resources,
                environment: environment,
                secrets: secrets,
                configVolume: configVolume,
                mounts: mounts,
                scratchVolumes: scratchVolumes,
                sidecars: sidecars,
                cronJobs: cronJobs,
                configFiles: configFiles,
                arguments: arguments,
                security: security,
                dependsOn: dependsOn,
                hasDependents: hasDependents,
                nodeSelector: nodeSelector,
                gpu: gpu,
                replicas: replicas,
                dashboard: dashboard,
                companions: companions,
                needs: needs,
                databaseKeys: databaseKeys,
                peerPort: peerPort,
                loadBalancer: loadBalancer,
                metrics: metrics,
                usesSQLite: usesSQLite,
                statePaths: statePaths,
                schedule: schedule,
                values: values,
                extraResources: extraResources))
    }

    /// Equal when every setting is equal.
    public static func == (lhs: ResolvedApp, rhs: ResolvedApp) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.settings == rhs.storage.settings
    }

    /// Hashes every setting.
    public func hash(into hasher: inout Hasher) { hasher.combine(storage.settings) }

    /// The app's name: the Flux Kustomization, HelmRelease and controller are called this.
    public var name: AppName { storage.settings.name }
    /// The catalog service it runs.
    public var service: ServiceID { storage.settings.service }
    /// The catalog entry, nil for a generic app.
    public var catalogEntry: CatalogEntry? { storage.settings.catalogEntry }
    /// The catalog category, nil for a generic app: read in place, without copying the whole entry out.
    public var category: ServiceCategory? { storage.settings.catalogEntry?.category }
    /// Whether Flux applies it (`ks.yaml`) or not (`ks.dis`).
    public var enabled: Bool { storage.settings.enabled }
    /// The namespace it is deployed to.
    public var namespace: String { storage.settings.namespace }
    /// A workload or a proxy.
    public var kind: Kind { storage.settings.kind }
    /// The main container's image; nil for a proxy.
    public var image: ImageReference? { storage.settings.image }
    /// The main container's port; nil for workers and proxies.
    public var port: ServicePort? { storage.settings.port }
    /// The variable that tells the image its port, if any.
    public var portEnvironmentVariable: String? { storage.settings.portEnvironmentVariable }
    /// The health check of the main container.
    public var probe: HealthProbe { storage.settings.probe }
    /// Who can reach it.
    public var exposure: Exposure { storage.settings.exposure }
    /// The full host name (`<host>.<domain>`) when exposed, nil otherwise.
    public var host: String? { storage.settings.host }
    /// Whether exposure goes through forward auth.
    public var auth: Bool { storage.settings.auth }
    /// Requests and limits of the main container.
    public var resources: ResourceRequirements { storage.settings.resources }
    /// Environment of the main container: TZ, PUID/PGID where the image wants them, the port variable,
    /// then the config's `env`.
    public var environment: [String: String] { storage.settings.environment }
    /// Environment variables read from secrets.
    public var secrets: [String: SecretSource] { storage.settings.secrets }
    /// The app's own config volume, nil when it keeps no state or keeps it on a shared volume.
    public var configVolume: ConfigVolume? { storage.settings.configVolume }
    /// Shared volumes mounted into the app.
    public var mounts: [ResolvedMount] { storage.settings.mounts }
    /// `emptyDir` volumes.
    public var scratchVolumes: [ScratchVolume] { storage.settings.scratchVolumes }
    /// Containers beside the main one.
    public var sidecars: [SidecarSpec] { storage.settings.sidecars }
    /// Scheduled runs beside the main controller.
    public var cronJobs: [CronJobSpec] { storage.settings.cronJobs }
    /// Files rendered into the app's ConfigMap.
    public var configFiles: [ConfigFileSpec] { storage.settings.configFiles }
    /// Arguments of the main container.
    public var arguments: [String] { storage.settings.arguments }
    /// How the image runs.
    public var security: SecurityProfile { storage.settings.security }
    /// Flux Kustomizations this one waits for.
    public var dependsOn: [FluxDependency] { storage.settings.dependsOn }
    /// Whether another app of the file depends on this one (its `ks.yaml` then sets `wait: true`).
    public var hasDependents: Bool { storage.settings.hasDependents }
    /// Node labels the pod must be scheduled on.
    public var nodeSelector: [String: String] { storage.settings.nodeSelector }
    /// A GPU to request.
    public var gpu: GPUKind? { storage.settings.gpu }
    /// The number of pods.
    public var replicas: Int? { storage.settings.replicas }
    /// Dashboard icon and group.
    public var dashboard: DashboardSettings? { storage.settings.dashboard }
    /// Controllers beside the main one, their environment filled in.
    public var companions: [CompanionSpec] { storage.settings.companions }
    /// Infrastructure the service needs.
    public var needs: [ServiceNeed] { storage.settings.needs }
    /// The keys the Secret ``databaseSecretName`` must hold.
    public var databaseKeys: [String] { storage.settings.databaseKeys }
    /// The port for peers outside the cluster, on its own Service.
    public var peerPort: PeerPort? { storage.settings.peerPort }
    /// The raw port (``peerPort``, else the main port) on a LoadBalancer Service.
    public var loadBalancer: LoadBalancerSettings? { storage.settings.loadBalancer }
    /// Where Prometheus scrapes the app: an exporter's own port, or the exportarr sidecar's.
    public var metrics: MetricsEndpoint? { storage.settings.metrics }
    /// Whether the app keeps a SQLite database in its config folder.
    public var usesSQLite: Bool { storage.settings.usesSQLite }
    /// More folders on the config PVC.
    public var statePaths: [StatePath] { storage.settings.statePaths }
    /// The main controller runs as a CronJob on this schedule when set.
    public var schedule: String? { storage.settings.schedule }
    /// Raw chart values merged last.
    public var values: [String: RawValue] { storage.settings.values }
    /// Hand-written files listed in the app's `kustomization.yaml`.
    public var extraResources: [String] { storage.settings.extraResources }

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

    /// Whether the main controller is a Deployment (not a CronJob, not a proxy): Kubernetes reports its
    /// available replicas under the app's name.
    public var runsDeployment: Bool { kind == .workload && schedule == nil }

    /// The stored settings of ``ResolvedApp``: see its properties of the same names.
    private struct Settings: Hashable, Sendable {
        let name: AppName
        let service: ServiceID
        let catalogEntry: CatalogEntry?
        let enabled: Bool
        let namespace: String
        let kind: Kind
        let image: ImageReference?
        let port: ServicePort?
        let portEnvironmentVariable: String?
        let probe: HealthProbe
        let exposure: Exposure
        let host: String?
        let auth: Bool
        let resources: ResourceRequirements
        let environment: [String: String]
        let secrets: [String: SecretSource]
        let configVolume: ConfigVolume?
        let mounts: [ResolvedMount]
        let scratchVolumes: [ScratchVolume]
        let sidecars: [SidecarSpec]
        let cronJobs: [CronJobSpec]
        let configFiles: [ConfigFileSpec]
        let arguments: [String]
        let security: SecurityProfile
        let dependsOn: [FluxDependency]
        let hasDependents: Bool
        let nodeSelector: [String: String]
        let gpu: GPUKind?
        let replicas: Int?
        let dashboard: DashboardSettings?
        let companions: [CompanionSpec]
        let needs: [ServiceNeed]
        let databaseKeys: [String]
        let peerPort: PeerPort?
        let loadBalancer: LoadBalancerSettings?
        let metrics: MetricsEndpoint?
        let usesSQLite: Bool
        let statePaths: [StatePath]
        let schedule: String?
        let values: [String: RawValue]
        let extraResources: [String]
    }

    /// The box that copies of an app share.
    private final class Storage: Sendable {
        let settings: Settings

        init(_ settings: Settings) { self.settings = settings }
    }
}
