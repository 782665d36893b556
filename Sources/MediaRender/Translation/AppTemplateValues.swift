import MediaKit
import MediaYAML

/// Translates one resolved app into bjw-s app-template values (chart 3.7.3 or 4.1.1): controllers with the
/// main container and its sidecars, CronJobs, the Service, the Ingress or HTTPRoute, a ServiceMonitor,
/// the ConfigMap and every volume. The app's own `values` are merged over the result by the caller.
struct AppTemplateValues {
    /// The name of the main container, the Service and the Ingress in the values (`identifier`).
    static let mainIdentifier = "app"

    let app: ResolvedApp
    let stack: Stack

    /// The values, keys in the chart's documentation order.
    func yamlValue() -> YAMLValue {
        var values = YAMLMapping([("controllers", .mapping(controllers()))])
        values.set("defaultPodOptions", defaultPodOptions())
        if let port = app.port {
            values.set("service", [Self.mainIdentifier: service(port)])
            if let route = exposure(port) { values.set(route.key, [Self.mainIdentifier: route.value]) }
            if let monitor = serviceMonitor(port) { values.set("serviceMonitor", [Self.mainIdentifier: monitor]) }
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
        if app.configVolume != nil {
            // The config PVC is ReadWriteOnce: a rolling update would wait forever for the old pod's volume.
            main.set("strategy", "Recreate")
        }
        if let replicas = app.replicas { main.set("replicas", .integer(replicas)) }
        var containers = YAMLMapping([(Self.mainIdentifier, mainContainer(arguments: app.arguments, probed: true))])
        for sidecar in app.sidecars {
            containers.set(sidecar.name, sidecarContainer(sidecar))
        }
        main.set("containers", .mapping(containers))
        var controllers = YAMLMapping([(app.name.rawValue, .mapping(main))])
        for job in app.cronJobs {
            controllers.set(
                "\(app.name)-\(job.name)",
                [
                    "type": "cronjob",
                    "cronjob": [
                        "schedule": .string(job.schedule), "concurrencyPolicy": "Forbid",
                        "successfulJobsHistory": 1, "failedJobsHistory": 1,
                    ],
                    "containers": [Self.mainIdentifier: mainContainer(arguments: job.arguments, probed: false)],
                ])
        }
        return controllers
    }

    private func mainContainer(arguments: [String], probed: Bool) -> YAMLValue {
        var container = YAMLMapping()
        if let image = app.image { container.set("image", imageValue(image)) }
        if !arguments.isEmpty { container.set("args", .strings(arguments)) }
        let env = environment()
        if !env.isEmpty { container.set("env", .mapping(env)) }
        if probed, let port = app.port, let probe = probeSpec(port: port.number) {
            container.set("probes", ["liveness": probe, "readiness": probe])
        }
        let resources = resourcesValue(app.resources, gpu: app.gpu)
        if !resources.isEmpty { container.set("resources", .mapping(resources)) }
        container.set("securityContext", containerSecurityContext(app.security))
        return .mapping(container)
    }

    private func sidecarContainer(_ sidecar: SidecarSpec) -> YAMLValue {
        var container = YAMLMapping([("image", imageValue(sidecar.image))])
        if !sidecar.arguments.isEmpty { container.set("args", .strings(sidecar.arguments)) }
        let resources = resourcesValue(sidecar.resources, gpu: nil)
        if !resources.isEmpty { container.set("resources", .mapping(resources)) }
        container.set("securityContext", containerSecurityContext(.rootless))
        return .mapping(container)
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
            env[variable] = [
                "valueFrom": ["secretKeyRef": ["name": .string(reference.name), "key": .string(reference.key)]]
            ]
        }
        return YAMLMapping.sortedByKey(env)
    }

    private func probeSpec(port: Int) -> YAMLValue? {
        let action: (String, YAMLValue)
        switch app.probe {
        case .http(let path): action = ("httpGet", ["path": .string(path), "port": .integer(port)])
        case .tcp: action = ("tcpSocket", ["port": .integer(port)])
        case .none: return nil
        }
        let spec = YAMLMapping([
            action, ("initialDelaySeconds", 0), ("periodSeconds", 10), ("timeoutSeconds", 1), ("failureThreshold", 3),
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
        if profile.runsAsNonRoot {
            context.set("readOnlyRootFilesystem", .boolean(profile.readOnlyRootFilesystem))
            context.set("capabilities", ["drop": ["ALL"]])
        }
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
        var options = YAMLMapping([("securityContext", .mapping(context))])
        if !app.nodeSelector.isEmpty { options.set("nodeSelector", .sortedStrings(app.nodeSelector)) }
        return .mapping(options)
    }

    // MARK: service and exposure

    private func service(_ port: ServicePort) -> YAMLValue {
        [
            "controller": .string(app.name.rawValue),
            "ports": .mapping(YAMLMapping([(port.name, ["port": .integer(port.number)])])),
        ]
    }

    /// `ingress` or `route` values for an exposed app, with its key.
    private func exposure(_ port: ServicePort) -> (key: String, value: YAMLValue)? {
        guard let host = app.host, app.exposure != .none else { return nil }
        let settings = stack.exposure
        switch settings.mode {
        case .ingress:
            var ingress = YAMLMapping()
            if let className = settings.ingressClasses[app.exposure] { ingress.set("className", .string(className)) }
            let annotations = IngressAnnotations(app: app, settings: settings).all
            if !annotations.isEmpty { ingress.set("annotations", .sortedStrings(annotations)) }
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
            let annotations = IngressAnnotations(app: app, settings: settings).dashboard
            if !annotations.isEmpty { route.set("annotations", .sortedStrings(annotations)) }
            route.set("hostnames", [.string(host)])
            route.set(
                "parentRefs",
                [["name": .string(gateway.name), "namespace": .string(gateway.namespace), "sectionName": "https"]])
            route.set(
                "rules",
                [["backendRefs": [["identifier": .string(Self.mainIdentifier), "port": .integer(port.number)]]]])
            return ("route", .mapping(route))
        }
    }

    private func serviceMonitor(_ port: ServicePort) -> YAMLValue? {
        guard stack.monitoring.serviceMonitors, let path = app.metricsPath else { return nil }
        var monitor = YAMLMapping()
        switch stack.chart.version {
        case .v3_7_3: monitor.set("serviceName", "{{ .Release.Name }}")
        case .v4_1_1: monitor.set("service", ["identifier": .string(Self.mainIdentifier)])
        }
        monitor.set(
            "endpoints",
            [
                [
                    "port": .string(port.name), "scheme": "http", "path": .string(path), "interval": "1m",
                    "scrapeTimeout": "10s",
                ]
            ])
        return .mapping(monitor)
    }

    // MARK: volumes

    private func persistence() -> YAMLMapping {
        var persistence = YAMLMapping()
        if let config = app.configVolume {
            persistence.set(
                "config",
                ["existingClaim": .string(config.claimName), "globalMounts": [["path": .string(config.path)]]])
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
            entry.set("globalMounts", .sequence(mounts.map(mountValue)))
            persistence.set(name, .mapping(entry))
        }
        for scratch in app.scratchVolumes {
            persistence.set(scratch.name, ["type": "emptyDir", "globalMounts": [["path": .string(scratch.path)]]])
        }
        if app.security.readOnlyRootFilesystem, persistence["tmp"] == nil {
            persistence.set("tmp", ["type": "emptyDir", "globalMounts": [["path": "/tmp"]]])
        }
        if !app.configFiles.isEmpty {
            let mounts: [YAMLValue] = app.configFiles.map { file in
                ["path": .string(file.path), "subPath": .string(file.name), "readOnly": true]
            }
            persistence.set(
                "config-file", ["type": "configMap", "identifier": "config", "globalMounts": .sequence(mounts)])
        }
        return persistence
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
