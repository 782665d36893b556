/// Applies the defaults of the stack and the catalog to each app: ``AppSpec`` → ``ResolvedApp``.
///
/// Generic apps (no catalog facts) get the fallbacks `Docs/Config.md` names: a TCP probe, a config
/// volume at `/config`, internal exposure with auth, and the `dropsRoot` profile, which sets
/// `PUID`/`PGID` and does not force a user on an image mediactl does not know.
public struct AppResolver: Sendable {
    /// The stack whose apps are resolved.
    public let stack: Stack
    /// The namespace of each app of the file, by name.
    private let namespaces: [String: String]
    /// The names that some app's `dependsOn` lists.
    private let dependedOn: Set<String>

    /// A resolver for `stack`.
    public init(stack: Stack) {
        self.stack = stack
        var namespaces: [String: String] = [:]
        for app in stack.apps where namespaces[app.name.rawValue] == nil {
            namespaces[app.name.rawValue] = stack.namespace(of: app)
        }
        self.namespaces = namespaces
        dependedOn = Set(stack.apps.flatMap(\.dependsOn))
    }

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
        let host = exposure == .none || isProxy ? nil : "\(app.host ?? app.name.rawValue).\(stack.cluster.domain)"
        let security = spec?.security ?? .dropsRoot
        let discovery = app.discovery == false ? nil : spec?.discovery
        let placeholders = Placeholders(
            app: app.name.rawValue, host: host ?? "\(app.name).\(namespace).svc.cluster.local",
            uid: String(stack.cluster.user.uid), gid: String(stack.cluster.user.gid), mode: stack.exposure.mode)
        let reach = AppReach(
            host: host, serviceName: app.name.rawValue, namespace: namespace, port: port?.number,
            loadBalancerAddress: app.loadBalancer?.ip,
            onlyTrustedTraffic: exposure == .internal
                || (exposure == .external && (app.auth ?? spec?.auth ?? true) && stack.exposure.hasAuthentication))
        let configVolume = isProxy ? nil : configVolume(of: app, spec: spec)
        let sidecars = isProxy ? [] : self.sidecars(of: app, spec: spec, port: port, configVolume: configVolume)
        let settings = ResolvedApp.Settings(
            name: app.name, service: app.service, catalogEntry: entry, enabled: app.enabled, namespace: namespace,
            kind: kind, image: isProxy ? nil : app.image ?? spec?.image, port: isProxy ? nil : port,
            portEnvironmentVariable: spec?.portEnvironmentVariable,
            probe: isProxy ? .none : spec?.probe ?? .tcp, exposure: exposure, host: host,
            auth: app.auth ?? spec?.auth ?? true,
            resources: app.resources ?? spec?.resources ?? ResourceRequirements(),
            environment: isProxy
                ? [:]
                : environment(
                    of: app, spec: spec, port: port, security: security, placeholders: placeholders, reach: reach),
            secrets: app.secrets, configVolume: configVolume,
            mounts: isProxy ? [] : mounts(of: app, spec: spec), scratchVolumes: spec?.scratchVolumes ?? [],
            sidecars: sidecars, cronJobs: spec?.cronJobs ?? [],
            configFiles: ((spec?.configFiles ?? []) + [discovery?.configFile].compactMap { $0 }).map { file in
                var filled = file
                filled.contents = placeholders.fill(file.contents)
                return filled
            },
            discovery: discovery,
            arguments: spec?.arguments ?? [], security: security,
            dependsOn: app.dependsOn.map(dependency).sorted(),
            hasDependents: dependedOn.contains(app.name.rawValue), components: app.components,
            substitute: app.substitute,
            nodeSelector: app.nodeSelector, gpu: app.gpu, replicas: app.replicas, dashboard: app.dashboard,
            companions: (spec?.companions ?? []).map { companion in
                var filled = companion
                filled.environment = companion.environment.mapValues(placeholders.fill)
                return filled
            },
            needs: spec?.needs ?? [], databaseKeys: spec?.databaseKeys ?? [], peerPort: spec?.peerPort,
            loadBalancer: app.loadBalancer, metrics: metrics(of: app, spec: spec, port: port, sidecars: sidecars),
            usesSQLite: spec?.usesSQLite ?? false, statePaths: spec?.statePaths ?? [], schedule: spec?.schedule,
            values: app.values, extraResources: app.extraResources)
        return ResolvedApp(settings)
    }

    /// The values `{app}`, `{host}`, `{uid}` and `{gid}` stand for in catalog environment and config files, and
    /// `{ingress}` and `{gateway}` (`true` for the stack's exposure mode, else `false`) in config files.
    private struct Placeholders {
        let app: String
        let host: String
        let uid: String
        let gid: String
        let mode: ExposureSettings.Mode

        func fill(_ text: String) -> String {
            guard text.contains("{") else { return text }
            var result = ""
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                result += String(rest[..<open])
                let name = rest[rest.index(after: open)..<close]
                result += value(of: name) ?? String(rest[open...close])
                rest = rest[rest.index(after: close)...]
            }
            return result + String(rest)
        }

        private func value(of name: Substring) -> String? {
            switch name {
            case "app": app
            case "host": host
            case "uid": uid
            case "gid": gid
            case "ingress": mode == .ingress ? "true" : "false"
            case "gateway": mode == .gateway ? "true" : "false"
            default: nil
            }
        }
    }

    private func environment(
        of app: AppSpec, spec: ServiceSpec?, port: ServicePort?, security: SecurityProfile, placeholders: Placeholders,
        reach: AppReach
    )
        -> [String: String]
    {
        var environment = ["TZ": stack.cluster.timezone]
        if security == .dropsRoot {
            environment["PUID"] = String(stack.cluster.user.uid)
            environment["PGID"] = String(stack.cluster.user.gid)
        }
        if let variable = spec?.portEnvironmentVariable, let port { environment[variable] = String(port.number) }
        if let peer = spec?.peerPort, let variable = peer.environmentVariable {
            environment[variable] = String(peer.number)
        }
        for (variable, value) in spec?.environment ?? [:] { environment[variable] = placeholders.fill(value) }
        for setting in spec?.hostSettings ?? [] { environment.merge(setting.environment(reach)) { _, host in host } }
        environment.merge(app.env) { _, user in user }
        return environment
    }

    /// The catalog's sidecars, then exportarr (`exportarr: true`) and gluetun (`vpn:`).
    private func sidecars(
        of app: AppSpec, spec: ServiceSpec?, port: ServicePort?, configVolume: ConfigVolume?
    ) -> [SidecarSpec] {
        var sidecars = spec?.sidecars ?? []
        if app.exportarr, let exporter = spec?.metricsExporter, let port {
            var environment = [
                "PORT": String(Catalog.exportarrPort.number), "URL": "http://localhost:\(port.number)",
            ]
            var secretEnvironment: [String: SidecarSpec.SecretKey] = [:]
            switch exporter {
            case .exportarrConfigFile:
                environment["CONFIG"] = (configVolume?.path ?? spec?.configPath ?? "/config") + "/config.xml"
            case .exportarrAPIKey:
                secretEnvironment["API_KEY"] = SidecarSpec.SecretKey(secret: "\(app.name)-exportarr", key: "API_KEY")
            }
            sidecars.append(
                SidecarSpec(
                    name: "exportarr", image: Catalog.exportarrImage, arguments: [exporter.mode],
                    environment: environment, secretEnvironment: secretEnvironment, port: Catalog.exportarrPort,
                    probe: .http(path: "/healthz"),
                    resources: .requests(cpu: "5m", memory: "32Mi", memoryLimit: "128Mi")
                ))
        }
        if let vpn = app.vpn {
            // gluetun's firewall drops inbound traffic except on FIREWALL_INPUT_PORTS: the web UI (probes, the
            // *arr apps) and the peer port must stay reachable.
            let inputPorts = [port?.number, spec?.peerPort?.number].compactMap { $0 }.map(String.init)
            sidecars.append(
                SidecarSpec(
                    name: "gluetun", image: Catalog.gluetunImage,
                    environment: inputPorts.isEmpty ? [:] : ["FIREWALL_INPUT_PORTS": inputPorts.joined(separator: ",")],
                    environmentSecret: vpn.secret ?? "\(app.name)-vpn",
                    resources: .requests(cpu: "10m", memory: "64Mi", memoryLimit: "256Mi"),
                    privilege: .root(capabilities: ["NET_ADMIN"]), startsBeforeApp: true))
        }
        return sidecars
    }

    /// An exporter's own port, or the exportarr sidecar's.
    private func metrics(
        of app: AppSpec, spec: ServiceSpec?, port: ServicePort?, sidecars: [SidecarSpec]
    ) -> MetricsEndpoint? {
        if let path = spec?.metricsPath, let port { return MetricsEndpoint(port: port, path: path) }
        if let exporter = sidecars.first(where: { $0.name == "exportarr" }), let port = exporter.port {
            return MetricsEndpoint(port: port, path: "/metrics")
        }
        return nil
    }

    /// The app's own mounts, then the media volume at its role's path unless the app mounts it itself.
    private func mounts(of app: AppSpec, spec: ServiceSpec?) -> [ResolvedMount] {
        var mounts = app.mounts.compactMap(resolveMount)
        // A mount of the media volume at the config path (seed 002's config/<app>) is not a media mount.
        let statePaths = ServiceSpec.statePaths(of: spec)
        if let volume = stack.storage.media, let source = stack.storage.volumes[volume], let role = spec?.media,
            !app.mounts.contains(where: { $0.volume == volume && !statePaths.contains($0.path) })
        {
            mounts.append(
                ResolvedMount(
                    volume: volume, source: source, path: role.path ?? stack.storage.mediaPath,
                    subPath: role.subPath, readOnly: role.access == .readOnly, isMediaRole: true))
        }
        return mounts
    }

    private func configVolume(of app: AppSpec, spec: ServiceSpec?) -> ConfigVolume? {
        guard let path = spec == nil ? "/config" : spec?.configPath else { return nil }
        let defaults = stack.storage.config
        switch app.storage {
        case .disabled:
            return nil
        case .default:
            return ConfigVolume(
                claimName: defaults.claimNames.claimName(for: app.name), size: defaults.size,
                storageClass: defaults.storageClass, path: path)
        case .custom(let size, let storageClass, let claimName):
            return ConfigVolume(
                claimName: claimName ?? defaults.claimNames.claimName(for: app.name), size: size ?? defaults.size,
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
        if let namespace = namespaces[name] { return FluxDependency(name: name, namespace: namespace) }
        let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
        if parts.count == 2 { return FluxDependency(name: parts[1], namespace: parts[0]) }
        return FluxDependency(name: name, namespace: nil)
    }
}
