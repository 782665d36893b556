/// A whole `mediactl.yaml` (version 1), decoded and with every default applied.
///
/// Apps are sorted by name. Values are checked for form by the decoder (names are DNS labels, ports in
/// range, references resolve); cross-app rules such as dependency cycles are validation's job.
public struct Stack: Hashable, Sendable {
    /// The config format version; always 1.
    public var version: Int = 1
    /// Where the Flux repository keeps apps and docs, and how Flux Kustomizations find their source.
    public var repo = RepoSettings()
    /// Facts about the cluster: domain, time zone, the user apps run as.
    public var cluster = ClusterSettings()
    /// The bjw-s app-template chart every app is rendered with.
    public var chart = ChartSettings()
    /// The default namespace of every app (`media`).
    public var namespace = "media"
    /// How apps are reached from outside the cluster.
    public var exposure = ExposureSettings()
    /// Config volumes and shared volumes.
    public var storage = StorageSettings()
    /// Backups of config volumes.
    public var backups = BackupSettings()
    /// Gatus checks, ServiceMonitors and alerts.
    public var monitoring = MonitoringSettings()
    /// Network policies (default deny plus the allowed flows), when turned on.
    public var networkPolicies: NetworkPolicySettings?
    /// The apps, sorted by name.
    public var apps: [AppSpec] = []

    /// A stack with every default and no apps.
    public init() {}

    /// The app called `name`, if any.
    public func app(named name: AppName) -> AppSpec? {
        apps.first { $0.name == name }
    }

    /// The namespace `app` is deployed to: its own, or the stack's default.
    public func namespace(of app: AppSpec) -> String { app.namespace ?? namespace }

    /// The Secrets every `ks.yaml` lists in `postBuild.substituteFrom`: `repo.substituteFrom` when the config
    /// states it, else `cluster-secrets` when a rendered value uses a `${VARIABLE}` (the default domain does), so a
    /// config that sets neither `cluster.domain` nor `repo.substituteFrom` gets host names Flux fills in.
    public var substitutionSecrets: [String] {
        if let stated = repo.substituteFrom { return stated }
        return usesSubstitution ? [RepoSettings.defaultSubstitutionSecret] : []
    }

    /// Whether a value mediactl renders carries a Flux `${VARIABLE}`: the domain, an app's host, image, `env`
    /// value or proxy domain.
    public var usesSubstitution: Bool {
        func substituted(_ text: String?) -> Bool { text?.contains("${") ?? false }
        if substituted(cluster.domain) { return true }
        return apps.contains { app in
            substituted(app.host) || substituted(app.image?.repository) || substituted(app.image?.tag)
                || substituted(app.proxy?.domain) || app.env.values.contains { substituted($0) }
        }
    }
}
