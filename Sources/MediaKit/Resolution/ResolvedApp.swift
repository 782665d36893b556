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

    /// The app's name: the Flux Kustomization, HelmRelease and controller are called this.
    public var name: AppName
    /// The catalog service it runs.
    public var service: ServiceID
    /// The catalog entry, nil for a generic app.
    public var catalogEntry: CatalogEntry?
    /// Whether Flux applies it (`ks.yaml`) or not (`ks.dis`).
    public var enabled: Bool
    /// The namespace it is deployed to.
    public var namespace: String
    /// A workload or a proxy.
    public var kind: Kind
    /// The main container's image; nil for a proxy.
    public var image: ImageReference?
    /// The main container's port; nil for workers and proxies.
    public var port: ServicePort?
    /// The variable that tells the image its port, if any.
    public var portEnvironmentVariable: String?
    /// The health check of the main container.
    public var probe: HealthProbe
    /// Who can reach it.
    public var exposure: Exposure
    /// The full host name (`<host>.<domain>`) when exposed, nil otherwise.
    public var host: String?
    /// Whether exposure goes through forward auth.
    public var auth: Bool
    /// Requests and limits of the main container.
    public var resources: ResourceRequirements
    /// Environment of the main container: TZ, PUID/PGID where the image wants them, the port variable,
    /// then the config's `env`.
    public var environment: [String: String]
    /// Environment variables read from secrets.
    public var secrets: [String: SecretSource]
    /// The app's own config volume, nil when it keeps no state or keeps it on a shared volume.
    public var configVolume: ConfigVolume?
    /// Shared volumes mounted into the app.
    public var mounts: [ResolvedMount]
    /// `emptyDir` volumes.
    public var scratchVolumes: [ScratchVolume]
    /// Containers beside the main one.
    public var sidecars: [SidecarSpec]
    /// Scheduled runs beside the main controller.
    public var cronJobs: [CronJobSpec]
    /// Files rendered into the app's ConfigMap.
    public var configFiles: [ConfigFileSpec]
    /// Arguments of the main container.
    public var arguments: [String]
    /// How the image runs.
    public var security: SecurityProfile
    /// Flux Kustomizations this one waits for.
    public var dependsOn: [FluxDependency]
    /// Whether another app of the file depends on this one (its `ks.yaml` then sets `wait: true`).
    public var hasDependents: Bool
    /// Node labels the pod must be scheduled on.
    public var nodeSelector: [String: String]
    /// A GPU to request.
    public var gpu: GPUKind?
    /// The number of pods.
    public var replicas: Int?
    /// Dashboard icon and group.
    public var dashboard: DashboardSettings?
    /// Controllers beside the main one, their environment filled in.
    public var companions: [CompanionSpec]
    /// Infrastructure the service needs.
    public var needs: [ServiceNeed]
    /// The keys the Secret ``databaseSecretName`` must hold.
    public var databaseKeys: [String]
    /// The port for peers outside the cluster, on its own Service.
    public var peerPort: PeerPort?
    /// The raw port (``peerPort``, else the main port) on a LoadBalancer Service.
    public var loadBalancer: LoadBalancerSettings?
    /// Where Prometheus scrapes the app: an exporter's own port, or the exportarr sidecar's.
    public var metrics: MetricsEndpoint?
    /// Whether the app keeps a SQLite database in its config folder.
    public var usesSQLite: Bool
    /// More folders on the config PVC.
    public var statePaths: [StatePath]
    /// The main controller runs as a CronJob on this schedule when set.
    public var schedule: String?
    /// Raw chart values merged last.
    public var values: [String: RawValue]
    /// Hand-written files listed in the app's `kustomization.yaml`.
    public var extraResources: [String]

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
}
