import MediaKit
import MediaYAML

/// Writes the stack-level sections of a new `mediactl.yaml`: only what differs from mediactl's defaults, plus what
/// an imported repository must state (the chart version Renovate bumps, the substitution Secrets, the
/// hand-written namespaces, runbooks off).
enum ConfigWriter {
    /// The text of a new config holding `stack`'s settings and `apps` (name → entry).
    static func newConfig(stack: Stack, apps: [(String, YAMLValue)], roots: [String]) -> String {
        let defaults = Stack()
        var root = YAMLMapping([("version", 1)])
        var repo = YAMLMapping()
        if stack.repo.appsDir != defaults.repo.appsDir { repo.set("appsDir", .string(stack.repo.appsDir)) }
        repo.set("docsDir", stack.repo.docsDir.map { .string($0) } ?? false)
        if stack.repo.source != defaults.repo.source {
            repo.set(
                "source",
                [
                    "kind": .string(stack.repo.source.kind.rawValue), "name": .string(stack.repo.source.name),
                    "namespace": .string(stack.repo.source.namespace),
                ])
        }
        repo.set("substituteFrom", .sequence((stack.repo.substituteFrom ?? []).map { .string($0) }))
        if !stack.repo.handWrittenNamespaces.isEmpty {
            repo.set(
                "handWrittenNamespaces", .sequence(stack.repo.handWrittenNamespaces.map { .string($0) }),
                comment: "their kustomization.yaml and namespace.yaml stay yours")
        }
        root.set("repo", .mapping(repo))

        var cluster = YAMLMapping()
        if stack.cluster.domain != defaults.cluster.domain { cluster.set("domain", .string(stack.cluster.domain)) }
        if stack.cluster.timezone != defaults.cluster.timezone {
            cluster.set("timezone", .string(stack.cluster.timezone))
        }
        if stack.cluster.user != defaults.cluster.user {
            cluster.set("user", ["uid": .integer(stack.cluster.user.uid), "gid": .integer(stack.cluster.user.gid)])
        }
        if stack.cluster.loadBalancer != defaults.cluster.loadBalancer {
            cluster.set("loadBalancer", .string(stack.cluster.loadBalancer.rawValue))
        }
        if !cluster.isEmpty { root.set("cluster", .mapping(cluster)) }

        var chart = YAMLMapping([("version", .string(stack.chart.version.rawValue))])
        if stack.chart.source != defaults.chart.source { chart.set("source", .string(stack.chart.source.rawValue)) }
        root.set("chart", .mapping(chart))
        if stack.namespace != defaults.namespace { root.set("namespace", .string(stack.namespace)) }

        var exposure = YAMLMapping()
        if stack.exposure.mode != defaults.exposure.mode { exposure.set("mode", .string(stack.exposure.mode.rawValue)) }
        var classes = YAMLMapping()
        for level in [Exposure.internal, .external]
        where stack.exposure.ingressClasses[level] != defaults.exposure.ingressClasses[level] {
            classes.set(level.rawValue, ["className": .string(stack.exposure.ingressClasses[level] ?? "")])
        }
        if !classes.isEmpty { exposure.set("classes", .mapping(classes)) }
        if !stack.exposure.authAnnotations.isEmpty {
            exposure.set(
                "auth",
                ["annotations": .mapping(.sortedByKey(stack.exposure.authAnnotations.mapValues { .string($0) }))])
        }
        if let issuer = stack.exposure.tlsIssuer { exposure.set("tls", ["issuer": .string(issuer)]) }
        var gateways = YAMLMapping()
        for level in [Exposure.internal, .external]
        where stack.exposure.gateways[level] != defaults.exposure.gateways[level] {
            guard let gateway = stack.exposure.gateways[level] else { continue }
            var reference = YAMLMapping([("name", .string(gateway.name)), ("namespace", .string(gateway.namespace))])
            if let section = gateway.sectionName { reference.set("sectionName", .string(section)) }
            gateways.set(level.rawValue, .mapping(reference))
        }
        if !gateways.isEmpty { exposure.set("gateways", .mapping(gateways)) }
        if !exposure.isEmpty { root.set("exposure", .mapping(exposure)) }

        var storage = YAMLMapping()
        var config = YAMLMapping()
        if let storageClass = stack.storage.config.storageClass { config.set("storageClass", .string(storageClass)) }
        if stack.storage.config.size != defaults.storage.config.size {
            config.set("size", .string(stack.storage.config.size))
        }
        if stack.storage.config.claimNames != defaults.storage.config.claimNames {
            config.set("claimNames", .string(stack.storage.config.claimNames.rawValue))
        }
        if !config.isEmpty { storage.set("config", .mapping(config)) }
        let volumes = volumeEntries(stack.storage.volumes)
        if !volumes.isEmpty { storage.set("volumes", .mapping(volumes)) }
        if !storage.isEmpty { root.set("storage", .mapping(storage)) }

        root.set("apps", .mapping(YAMLMapping(apps)))
        let header = [
            // Editors with the yaml-language-server read the schema `render` writes (`repo.schema`).
            "yaml-language-server: $schema=\(RepoSettings.defaultSchema)",
            "mediactl.yaml written by 'mediactl import " + roots.joined(separator: " ") + "'.",
            "Docs/Config.md describes every key; 'mediactl diff' shows what 'render' would change.",
        ]
        return YAMLEmitter().emit(YAMLDocument(headerComments: header, root: .mapping(root)))
    }

    /// `storage.volumes` entries, sorted by name.
    static func volumeEntries(_ volumes: [String: SharedVolume]) -> YAMLMapping {
        var entries: [String: YAMLValue] = [:]
        for (name, volume) in volumes {
            switch volume {
            case .nfs(let server, let path):
                entries[name] = ["nfs": ["server": .string(server), "path": .string(path)]]
            case .existingClaim(let claim): entries[name] = ["existingClaim": .string(claim)]
            case .pvc(let storageClass, let size, let accessMode):
                var pvc = YAMLMapping([("size", .string(size))])
                if let storageClass { pvc.set("storageClass", .string(storageClass)) }
                pvc.set("accessMode", .string(accessMode.rawValue))
                entries[name] = ["pvc": .mapping(pvc)]
            }
        }
        return .sortedByKey(entries)
    }
}
