import MediaKit
import MediaYAML

/// Translates one resolved app into bjw-s app-template values (chart 5.1.0, 4.1.1 or 3.7.3): controllers with the
/// main container and its sidecars, CronJobs, the Service, the Ingress or HTTPRoute, a ServiceMonitor,
/// the ConfigMap and every volume. The app's own `values` are merged over the result by the caller.
struct AppTemplateValues {
    /// The name of the main container, the Service and the Ingress in the values (`identifier`).
    static let mainIdentifier = "app"
    /// Stakater Reloader's annotation: restart the controller's pods when a Secret or ConfigMap they read changes.
    static let reloaderAnnotation = "reloader.stakater.com/auto"

    let app: ResolvedApp
    let stack: Stack
    /// Whether the stack runs a dashboard that lists apps from their Ingresses and routes (Homepage).
    let listedOnDashboard: Bool

    /// The values, keys in the chart's documentation order.
    func yamlValue() -> YAMLValue {
        var values = YAMLMapping([("controllers", .mapping(controllers()))])
        values.set("defaultPodOptions", defaultPodOptions())
        let services = self.services()
        if !services.isEmpty { values.set("service", .mapping(services)) }
        if let port = app.port {
            if let route = exposure(port) { values.set(route.key, [Self.mainIdentifier: route.value]) }
            if let monitor = serviceMonitor() { values.set("serviceMonitor", [Self.mainIdentifier: monitor]) }
        }
        if !app.configFiles.isEmpty {
            let data = app.configFiles.map { ($0.name, YAMLValue.string($0.contents)) }
            values.set("configMaps", ["config": ["data": .mapping(YAMLMapping(data))]])
        }
        let persistence = self.persistence()
        if !persistence.isEmpty { values.set("persistence", .mapping(persistence)) }
        return .mapping(values)
    }

    // MARK: controllers

    private func controllers() -> YAMLMapping {
        var main = YAMLMapping()
        if app.readsExternalSecrets, app.schedule == nil {
            // Stakater Reloader restarts the pods when a Secret they read changes, as current home-ops repositories
            // set it on such long-running controllers (buroa/k8s-gitops `kubernetes/apps/media/sonarr/app/
            // helmrelease.yaml`, onedr0p/home-ops, bjw-s-labs/home-ops); a CronJob's next run reads it anyway.
            main.set("annotations", [Self.reloaderAnnotation: "true"])
        }
        if let schedule = app.schedule {
            main.set("type", "cronjob")
            main.set("cronjob", cronJobSettings(schedule))
        } else if app.keepsConfig {
            // A ReadWriteOnce config PVC would stall a rolling update, and two pods on one SQLite database (config
            // on a shared volume) corrupt it: the old pod stops before the new one starts.
            main.set("strategy", "Recreate")
        }
        if let replicas = app.replicas { main.set("replicas", .integer(replicas)) }
        if app.discovery != nil {
            // The ServiceAccount mediactl renders beside the release; `name` (not `identifier`) is read the same way
            // by 3.x, 4.x and 5.x (common's `_serviceAccountName.tpl`).
            main.set("serviceAccount", ["name": .string(app.name.rawValue)])
        }
        let early = app.sidecars.filter(\.startsBeforeApp)
        if !early.isEmpty {
            main.set("initContainers", .mapping(YAMLMapping(early.map { ($0.name, sidecarContainer($0)) })))
        }
        var containers = YAMLMapping([
            (Self.mainIdentifier, mainContainer(arguments: app.arguments, probed: app.schedule == nil))
        ])
        for sidecar in app.sidecars where !sidecar.startsBeforeApp {
            containers.set(sidecar.name, sidecarContainer(sidecar))
        }
        main.set("containers", .mapping(containers))
        var controllers = YAMLMapping([(app.name.rawValue, .mapping(main))])
        for job in app.cronJobs {
            controllers.set(
                "\(app.name)-\(job.name)",
                [
                    "type": "cronjob", "cronjob": cronJobSettings(job.schedule),
                    "containers": [Self.mainIdentifier: mainContainer(arguments: job.arguments, probed: false)],
                ])
        }
        for companion in app.companions {
            controllers.set(companion.name, ["containers": [Self.mainIdentifier: companionContainer(companion)]])
        }
        return controllers
    }

    private func cronJobSettings(_ schedule: String) -> YAMLValue {
        [
            "schedule": .string(schedule), "concurrencyPolicy": "Forbid", "successfulJobsHistory": 1,
            "failedJobsHistory": 1,
        ]
    }

    private func mainContainer(arguments: [String], probed: Bool) -> YAMLValue {
        var container = YAMLMapping()
        if let image = app.image { container.set("image", imageValue(image)) }
        if !arguments.isEmpty { container.set("args", .strings(arguments)) }
        let env = environment()
        if !env.isEmpty { container.set("env", .mapping(env)) }
        if let secret = app.databaseSecretName {
            container.set("envFrom", [["secretRef": ["name": .string(secret)]]])
        }
        if probed, let port = app.port, let probes = mainProbes(port: port.number) {
            container.set("probes", probes)
        }
        let resources = resourcesValue(app.resources, gpu: app.gpu)
        if !resources.isEmpty { container.set("resources", .mapping(resources)) }
        container.set("securityContext", containerSecurityContext(app.security))
        return .mapping(container)
    }

    private func sidecarContainer(_ sidecar: SidecarSpec) -> YAMLValue {
        var container = YAMLMapping([("image", imageValue(sidecar.image))])
        if sidecar.startsBeforeApp { container.set("restartPolicy", "Always") }
        if !sidecar.arguments.isEmpty { container.set("args", .strings(sidecar.arguments)) }
        var env: [String: YAMLValue] = sidecar.environment.mapValues { .string($0) }
        for (variable, reference) in sidecar.secretEnvironment {
            env[variable] = secretKeyReference(name: reference.secret, key: reference.key)
        }
        if !env.isEmpty { container.set("env", .mapping(YAMLMapping.sortedByKey(env))) }
        if let secret = sidecar.environmentSecret {
            container.set("envFrom", [["secretRef": ["name": .string(secret)]]])
        }
        if let port = sidecar.port, let probe = probeSpec(sidecar.probe, port: port.number) {
            container.set("probes", ["liveness": probe, "readiness": probe])
        }
        let resources = resourcesValue(sidecar.resources, gpu: nil)
        if !resources.isEmpty { container.set("resources", .mapping(resources)) }
        switch sidecar.privilege {
        case .none:
            container.set("securityContext", containerSecurityContext(.rootless))
        case .root(let capabilities):
            container.set(
                "securityContext",
                [
                    "runAsUser": 0, "runAsGroup": 0, "runAsNonRoot": false, "allowPrivilegeEscalation": false,
                    "capabilities": ["add": .strings(capabilities)],
                ])
        }
        return .mapping(container)
    }

    private func companionContainer(_ companion: CompanionSpec) -> YAMLValue {
        var container = YAMLMapping([("image", imageValue(companion.image))])
        if !companion.arguments.isEmpty { container.set("args", .strings(companion.arguments)) }
        if !companion.environment.isEmpty { container.set("env", .sortedStrings(companion.environment)) }
        if let probe = probeSpec(companion.probe, port: companion.port.number) {
            container.set("probes", ["liveness": probe, "readiness": probe])
        }
        let resources = resourcesValue(companion.resources, gpu: nil)
        if !resources.isEmpty { container.set("resources", .mapping(resources)) }
        container.set("securityContext", containerSecurityContext(.dropsRoot))
        return .mapping(container)
    }

    private func secretKeyReference(name: String, key: String) -> YAMLValue {
        ["valueFrom": ["secretKeyRef": ["name": .string(name), "key": .string(key)]]]
    }

    private func imageValue(_ image: ImageReference) -> YAMLValue {
        // app-template prints `repository:tag`, so a digest rides on the tag (`tag: 1.2.3@sha256:…`); the
        // validator rejects images with a digest but no tag.
        let tag = (image.tag ?? "") + (image.digest.map { "@" + $0 } ?? "")
        return ["repository": .string(image.repository), "tag": .string(tag)]
    }

    /// Plain variables and secret references in one map, sorted by name.
    private func environment() -> YAMLMapping {
        var env: [String: YAMLValue] = app.environment.mapValues { .string($0) }
        for (variable, source) in app.secrets {
            let reference: (name: String, key: String)
            switch source {
            case .externalSecret: reference = (app.externalSecretName, variable)
            case .secretRef(let name, let key): reference = (name, key)
            }
            env[variable] = secretKeyReference(name: reference.name, key: reference.key)
        }
        return YAMLMapping.sortedByKey(env)
    }

    /// The main container's probes, as current home-ops repositories set them (onedr0p/home-ops and
    /// bjw-s-labs/home-ops, every media app's `helmrelease.yaml`): readiness asks the health endpoint; liveness
    /// only checks that the port is open, so a slow endpoint never restarts a busy app; a startup probe gives a
    /// first start (database migrations, library scans) five minutes before liveness counts. All three are
    /// `custom`, so the chart renders them as written whatever Services the app has.
    private func mainProbes(port: Int) -> YAMLValue? {
        guard let readiness = probeSpec(app.probe, port: port, period: 10, timeout: 5, failures: 5) else { return nil }
        return [
            "liveness": probeSpec(.tcp, port: port, period: 30, timeout: 5, failures: 5) ?? readiness,
            "readiness": readiness,
            "startup": probeSpec(.tcp, port: port, period: 10, timeout: 5, failures: 30) ?? readiness,
        ]
    }

    /// A sidecar's or companion's probe, for liveness and readiness alike.
    private func probeSpec(_ probe: HealthProbe, port: Int) -> YAMLValue? {
        probeSpec(probe, port: port, period: 10, timeout: 1, failures: 3)
    }

    /// A custom probe: `probe`'s action on `port`, every `period` seconds, failing after `failures` checks that
    /// took longer than `timeout` seconds or failed.
    private func probeSpec(_ probe: HealthProbe, port: Int, period: Int, timeout: Int, failures: Int) -> YAMLValue? {
        let action: (String, YAMLValue)
        switch probe {
        case .http(let path): action = ("httpGet", ["path": .string(path), "port": .integer(port)])
        case .tcp: action = ("tcpSocket", ["port": .integer(port)])
        case .none: return nil
        }
        let spec = YAMLMapping([
            action, ("periodSeconds", .integer(period)), ("timeoutSeconds", .integer(timeout)),
            ("failureThreshold", .integer(failures)),
        ])
        return ["enabled": true, "custom": true, "spec": .mapping(spec)]
    }

    private func resourcesValue(_ resources: ResourceRequirements, gpu: GPUKind?) -> YAMLMapping {
        func amounts(_ amounts: ResourceRequirements.Amounts, extra: [(String, YAMLValue)]) -> YAMLMapping {
            var mapping = YAMLMapping()
            if let cpu = amounts.cpu { mapping.set("cpu", .string(cpu)) }
            if let memory = amounts.memory { mapping.set("memory", .string(memory)) }
            for (key, value) in extra { mapping.set(key, value) }
            return mapping
        }
        var mapping = YAMLMapping()
        let requests = amounts(resources.requests, extra: [])
        if !requests.isEmpty { mapping.set("requests", .mapping(requests)) }
        let limits = amounts(resources.limits, extra: gpu.map { [(Self.gpuResource($0), YAMLValue.integer(1))] } ?? [])
        if !limits.isEmpty { mapping.set("limits", .mapping(limits)) }
        return mapping
    }

    /// The extended resource a GPU kind's device plugin advertises (NVIDIA device plugin: `nvidia.com/gpu`;
    /// Intel GPU plugin: `gpu.intel.com/i915`).
    static func gpuResource(_ gpu: GPUKind) -> String {
        switch gpu {
        case .nvidia: "nvidia.com/gpu"
        case .intel: "gpu.intel.com/i915"
        }
    }

    private func containerSecurityContext(_ profile: SecurityProfile) -> YAMLValue {
        var context = YAMLMapping([("allowPrivilegeEscalation", false)])
        if profile.runsAsNonRoot { context.set("readOnlyRootFilesystem", .boolean(profile.readOnlyRootFilesystem)) }
        var capabilities = YAMLMapping([("drop", ["ALL"])])
        if !profile.addedCapabilities.isEmpty { capabilities.set("add", .strings(profile.addedCapabilities)) }
        context.set("capabilities", .mapping(capabilities))
        return .mapping(context)
    }

    // MARK: pod

    private func defaultPodOptions() -> YAMLValue {
        let user = stack.cluster.user
        var context = YAMLMapping()
        if app.security.runsAsNonRoot {
            context.set("runAsNonRoot", true)
            context.set("runAsUser", .integer(user.uid))
            context.set("runAsGroup", .integer(user.gid))
        }
        context.set("fsGroup", .integer(user.gid))
        context.set("fsGroupChangePolicy", "OnRootMismatch")
        context.set("seccompProfile", ["type": "RuntimeDefault"])
        var options = YAMLMapping([("securityContext", .mapping(context))])
        if !app.nodeSelector.isEmpty { options.set("nodeSelector", .sortedStrings(app.nodeSelector)) }
        return .mapping(options)
    }

    // MARK: service and exposure

    /// The main Service (the app's port and its sidecars' ports), the peer Service and one per companion.
    /// With more than one, the main one keeps the app's name (`primary`, and `forceRename` where chart 4
    /// would append its identifier); the others are `<app>-<identifier>`.
    private func services() -> YAMLMapping {
        var services = YAMLMapping()
        if let port = app.port {
            var ports = YAMLMapping([(port.name, ["port": .integer(port.number)])])
            for sidecar in app.sidecars {
                if let sidecarPort = sidecar.port {
                    ports.set(sidecarPort.name, ["port": .integer(sidecarPort.number)])
                }
            }
            var main = YAMLMapping([("controller", .string(app.name.rawValue))])
            if app.peerPort != nil || !app.companions.isEmpty {
                main.set("primary", true)
                if stack.chart.version.major >= 4 { main.set("forceRename", .string(app.name.rawValue)) }
            }
            if app.peerPort == nil, let loadBalancer = app.loadBalancer { setLoadBalancer(loadBalancer, on: &main) }
            main.set("ports", .mapping(ports))
            services.set(Self.mainIdentifier, .mapping(main))
        }
        if let peer = app.peerPort {
            var service = YAMLMapping([("controller", .string(app.name.rawValue))])
            if let loadBalancer = app.loadBalancer { setLoadBalancer(loadBalancer, on: &service) }
            service.set(
                "ports",
                [
                    "\(peer.name)-tcp": ["port": .integer(peer.number), "protocol": "TCP"],
                    "\(peer.name)-udp": ["port": .integer(peer.number), "protocol": "UDP"],
                ])
            services.set(peer.name, .mapping(service))
        }
        for companion in app.companions {
            services.set(
                companion.name,
                [
                    "controller": .string(companion.name),
                    "ports": .mapping(YAMLMapping([(companion.port.name, ["port": .integer(companion.port.number)])])),
                ])
        }
        return services
    }

    /// A LoadBalancer Service asks for its address through the implementation's annotation; Services of several
    /// apps on one address also carry its sharing annotation, keyed by the address.
    private func setLoadBalancer(_ settings: LoadBalancerSettings, on service: inout YAMLMapping) {
        if let ip = settings.ip {
            let implementation = stack.cluster.loadBalancer
            var annotations = [implementation.addressAnnotation: ip]
            let sharers = stack.apps.filter { $0.loadBalancer?.ip == ip }
            if sharers.count > 1, let sharing = implementation.sharingAnnotation { annotations[sharing] = ip }
            service.set("annotations", .sortedStrings(annotations))
        }
        service.set("type", "LoadBalancer")
        // Keep the client's address: Plex tells LAN from WAN clients by it, and torrent peers are judged by it
        // (onedr0p/home-ops, bjw-s-labs/home-ops and buroa/k8s-gitops set it on every media LoadBalancer).
        service.set("externalTrafficPolicy", "Local")
    }

    /// `ingress` or `route` values for an exposed app, with its key.
    private func exposure(_ port: ServicePort) -> (key: String, value: YAMLValue)? {
        guard let host = app.host, app.exposure != .none else { return nil }
        let settings = stack.exposure
        switch settings.mode {
        case .ingress:
            var ingress = YAMLMapping()
            if let className = settings.ingressClasses[app.exposure] { ingress.set("className", .string(className)) }
            let metadata = IngressAnnotations(app: app, stack: stack, listedOnDashboard: listedOnDashboard)
            if !metadata.all.isEmpty { ingress.set("annotations", .sortedStrings(metadata.all)) }
            if !metadata.labels.isEmpty { ingress.set("labels", .sortedStrings(metadata.labels)) }
            ingress.set(
                "hosts",
                [
                    [
                        "host": .string(host),
                        "paths": [
                            [
                                "path": "/",
                                "service": ["identifier": .string(Self.mainIdentifier), "port": .string(port.name)],
                            ]
                        ],
                    ]
                ])
            var tls = YAMLMapping([("hosts", [.string(host)])])
            if settings.tlsIssuer != nil { tls.set("secretName", .string("\(app.name)-tls")) }
            ingress.set("tls", [.mapping(tls)])
            return ("ingress", .mapping(ingress))
        case .gateway:
            guard let gateway = settings.gateways[app.exposure] else { return nil }
            var route = YAMLMapping()
            let metadata = IngressAnnotations(app: app, stack: stack, listedOnDashboard: listedOnDashboard)
            if !metadata.route.isEmpty { route.set("annotations", .sortedStrings(metadata.route)) }
            if !metadata.labels.isEmpty { route.set("labels", .sortedStrings(metadata.labels)) }
            route.set("hostnames", [.string(host)])
            var parent = YAMLMapping([("name", .string(gateway.name)), ("namespace", .string(gateway.namespace))])
            if let section = gateway.sectionName { parent.set("sectionName", .string(section)) }
            route.set("parentRefs", [.mapping(parent)])
            if let rules = routeRules(port) { route.set("rules", rules) }
            return ("route", .mapping(route))
        }
    }

    /// A route's rules: the catalog's rules (Plex's subtitle streams), then one for everything else. The chart
    /// finds the Service by its identifier: 3.x reads it from `name` (common-3.7.3 `classes/_route.tpl` looks
    /// `name` up among the Services, and its schema has no `identifier`); 4.x and 5.x take `identifier`, and
    /// send a route without rules to the app's only Service (common `lib/routes/_autoDetectService.tpl`), as
    /// current home-ops repositories leave them out.
    private func routeRules(_ port: ServicePort) -> YAMLValue? {
        let special = app.catalogEntry?.spec?.routeRules ?? []
        let onlyService = app.peerPort == nil && app.companions.isEmpty
        if special.isEmpty, onlyService, stack.chart.version.major >= 4 { return nil }
        let service = stack.chart.version.major == 3 ? "name" : "identifier"
        let backend: YAMLValue = [[service: .string(Self.mainIdentifier), "port": .integer(port.number)]]
        var rules: [YAMLValue] = special.map { rule in
            [
                "backendRefs": backend,
                "filters": [
                    [
                        "type": "RequestHeaderModifier",
                        "requestHeaderModifier": ["remove": .strings(rule.removedRequestHeaders)],
                    ]
                ],
                "matches": [["path": ["type": "PathPrefix", "value": .string(rule.pathPrefix)]]],
            ]
        }
        rules.append(["backendRefs": backend])
        return .sequence(rules)
    }

    private func serviceMonitor() -> YAMLValue? {
        guard stack.monitoring.serviceMonitors, let metrics = app.metrics else { return nil }
        var monitor = YAMLMapping()
        if stack.chart.version.major == 3 {
            monitor.set("serviceName", "{{ .Release.Name }}")
        } else {
            monitor.set("service", ["identifier": .string(Self.mainIdentifier)])
        }
        monitor.set(
            "endpoints",
            [
                [
                    "port": .string(metrics.port.name), "scheme": "http", "path": .string(metrics.path),
                    "interval": "1m",
                    "scrapeTimeout": "10s",
                ]
            ])
        return .mapping(monitor)
    }

    // MARK: volumes

    private func persistence() -> YAMLMapping {
        var persistence = YAMLMapping()
        if let config = app.configVolume {
            var mounts: [YAMLValue] = [["path": .string(config.path)]]
            if !app.statePaths.isEmpty {
                // More folders share the PVC, so each gets its own folder of it.
                mounts = [["path": .string(config.path), "subPath": "config"]]
                mounts += app.statePaths.map { ["path": .string($0.path), "subPath": .string($0.subPath)] }
            }
            var entry = YAMLMapping([("existingClaim", .string(config.claimName))])
            setMounts(mounts, on: &entry)
            persistence.set("config", .mapping(entry))
        }
        for (name, mounts) in groupedMounts() {
            var entry: YAMLMapping
            switch mounts[0].source {
            case .nfs(let server, let path):
                entry = YAMLMapping([("type", "nfs"), ("server", .string(server)), ("path", .string(path))])
            case .pvc:
                entry = YAMLMapping([("existingClaim", .string(name))])
            case .existingClaim(let claim):
                entry = YAMLMapping([("existingClaim", .string(claim))])
            }
            setMounts(mounts.map(mountValue), on: &entry)
            persistence.set(name, .mapping(entry))
        }
        for scratch in app.scratchVolumes {
            var entry = YAMLMapping([("type", "emptyDir")])
            setMounts([["path": .string(scratch.path)]], on: &entry)
            persistence.set(scratch.name, .mapping(entry))
        }
        if app.security.readOnlyRootFilesystem, persistence["tmp"] == nil {
            var entry = YAMLMapping([("type", "emptyDir")])
            setMounts([["path": "/tmp"]], on: &entry)
            persistence.set("tmp", .mapping(entry))
        }
        if !app.configFiles.isEmpty {
            let mounts: [YAMLValue] = app.configFiles.map { file in
                ["path": .string(file.path), "subPath": .string(file.name), "readOnly": true]
            }
            var entry = YAMLMapping([("type", "configMap"), ("identifier", "config")])
            setMounts(mounts, on: &entry)
            persistence.set("config-file", .mapping(entry))
        }
        for companion in app.companions {
            for scratch in companion.scratchVolumes {
                persistence.set(
                    scratch.name,
                    [
                        "type": "emptyDir",
                        "advancedMounts": [companion.name: [Self.mainIdentifier: [["path": .string(scratch.path)]]]],
                    ])
            }
        }
        return persistence
    }

    /// Mounts of the app's own volumes: into every container (`globalMounts`), or, when companions run
    /// beside it, into the main controller's containers only (`advancedMounts`), so a ReadWriteOnce claim
    /// never follows a companion to another node.
    private func setMounts(_ mounts: [YAMLValue], on entry: inout YAMLMapping) {
        guard !app.companions.isEmpty else {
            entry.set("globalMounts", .sequence(mounts))
            return
        }
        var containers = YAMLMapping([(Self.mainIdentifier, .sequence(mounts))])
        for sidecar in app.sidecars { containers.set(sidecar.name, .sequence(mounts)) }
        entry.set("advancedMounts", .mapping(YAMLMapping([(app.name.rawValue, .mapping(containers))])))
    }

    /// Mounts grouped by volume, volumes in the order they first appear.
    private func groupedMounts() -> [(String, [ResolvedMount])] {
        var groups: [(String, [ResolvedMount])] = []
        for mount in app.mounts {
            if let index = groups.firstIndex(where: { $0.0 == mount.volume }) {
                groups[index].1.append(mount)
            } else {
                groups.append((mount.volume, [mount]))
            }
        }
        return groups
    }

    private func mountValue(_ mount: ResolvedMount) -> YAMLValue {
        var value = YAMLMapping([("path", .string(mount.path))])
        if let subPath = mount.subPath { value.set("subPath", .string(subPath)) }
        if mount.readOnly { value.set("readOnly", true) }
        return .mapping(value)
    }
}
