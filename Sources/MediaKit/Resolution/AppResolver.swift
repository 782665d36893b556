/// Applies the defaults of the stack and the catalog to each app: ``AppSpec`` → ``ResolvedApp``.
///
/// Generic apps (no catalog facts) get the fallbacks `Docs/Config.md` names: a TCP probe, a config
/// volume at `/config`, internal exposure with auth, and the `dropsRoot` profile, which sets
/// `PUID`/`PGID` and does not force a user on an image mediactl does not know.
public struct AppResolver: Sendable {
    /// The stack whose apps are resolved.
    public let stack: Stack

    /// A resolver for `stack`.
    public init(stack: Stack) { self.stack = stack }

    /// Every app of the stack, resolved, sorted by name.
    public func resolveAll() -> [ResolvedApp] { stack.apps.map(resolve) }

    /// One app, resolved.
    public func resolve(_ app: AppSpec) -> ResolvedApp {
        let entry = app.catalogEntry
        let spec = entry?.spec
        let namespace = stack.namespace(of: app)
        let kind: ResolvedApp.Kind = app.proxy.map { .proxy($0) } ?? .workload
        let isProxy = app.proxy != nil
        let port = app.port.map { ServicePort(name: spec?.port?.name ?? "http", number: $0) } ?? spec?.port
        let exposure = app.expose ?? spec?.exposure ?? (isProxy || port != nil ? .internal : .none)
        let security = spec?.security ?? .dropsRoot
        return ResolvedApp(
            name: app.name, service: app.service, catalogEntry: entry, enabled: app.enabled, namespace: namespace,
            kind: kind, image: isProxy ? nil : app.image ?? spec?.image, port: isProxy ? nil : port,
            portEnvironmentVariable: spec?.portEnvironmentVariable,
            probe: isProxy ? .none : spec?.probe ?? .tcp, exposure: exposure,
            host: exposure == .none || isProxy ? nil : "\(app.host ?? app.name.rawValue).\(stack.cluster.domain)",
            auth: app.auth ?? spec?.auth ?? true,
            resources: app.resources ?? spec?.resources ?? ResourceRequirements(),
            environment: isProxy ? [:] : environment(of: app, spec: spec, port: port, security: security),
            secrets: app.secrets, configVolume: isProxy ? nil : configVolume(of: app, spec: spec),
            mounts: app.mounts.compactMap(resolveMount), scratchVolumes: spec?.scratchVolumes ?? [],
            sidecars: spec?.sidecars ?? [], cronJobs: spec?.cronJobs ?? [], configFiles: spec?.configFiles ?? [],
            arguments: spec?.arguments ?? [], metricsPath: spec?.metricsPath, security: security,
            dependsOn: app.dependsOn.map(dependency).sorted(),
            hasDependents: stack.apps.contains { $0.dependsOn.contains(app.name.rawValue) },
            nodeSelector: app.nodeSelector, gpu: app.gpu, replicas: app.replicas, dashboard: app.dashboard,
            values: app.values, extraResources: app.extraResources)
    }

    private func environment(
        of app: AppSpec, spec: ServiceSpec?, port: ServicePort?, security: SecurityProfile
    )
        -> [String: String]
    {
        var environment = ["TZ": stack.cluster.timezone]
        if security == .dropsRoot {
            environment["PUID"] = String(stack.cluster.user.uid)
            environment["PGID"] = String(stack.cluster.user.gid)
        }
        if let variable = spec?.portEnvironmentVariable, let port { environment[variable] = String(port.number) }
        environment.merge(app.env) { _, user in user }
        return environment
    }

    private func configVolume(of app: AppSpec, spec: ServiceSpec?) -> ConfigVolume? {
        let path: String? = spec == nil ? "/config" : spec?.configPath
        guard let path else { return nil }
        let defaults = stack.storage.config
        switch app.storage {
        case .disabled:
            return nil
        case .default:
            return ConfigVolume(
                claimName: "\(app.name)-config", size: defaults.size, storageClass: defaults.storageClass, path: path)
        case .custom(let size, let storageClass):
            return ConfigVolume(
                claimName: "\(app.name)-config", size: size ?? defaults.size,
                storageClass: storageClass ?? defaults.storageClass, path: path)
        }
    }

    private func resolveMount(_ mount: VolumeMount) -> ResolvedMount? {
        guard let source = stack.storage.volumes[mount.volume] else { return nil }
        return ResolvedMount(
            volume: mount.volume, source: source, path: mount.path, subPath: mount.subPath, readOnly: mount.readOnly)
    }

    /// An app of the file gets its namespace; `namespace/name` names one elsewhere; any other name passes
    /// through and Flux looks for it in the dependent's namespace.
    private func dependency(_ name: String) -> FluxDependency {
        if let app = stack.app(named: AppName(rawValue: name)) {
            return FluxDependency(name: name, namespace: stack.namespace(of: app))
        }
        let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
        if parts.count == 2 { return FluxDependency(name: parts[1], namespace: parts[0]) }
        return FluxDependency(name: name, namespace: nil)
    }
}
