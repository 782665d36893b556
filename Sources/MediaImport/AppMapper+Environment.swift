import MediaConfig
import MediaKit
import MediaYAML

/// The main container's environment and resources: plain variables that differ from what mediactl sets → `env`,
/// Secret keys (`valueFrom.secretKeyRef`, and `envFrom` of a Secret whose keys the app folder lists) → `secrets`,
/// CPU and memory → `resources`, one GPU → `gpu`. Other sources (field references, ConfigMap keys, `envFrom`
/// of a Secret whose keys are not known here) stay in `values:`.
extension AppMapper {
    /// Maps the main container's `env` and `envFrom`.
    mutating func mapEnvironment(
        _ remaining: inout YAMLNode, controller: (id: String, node: YAMLNode), container: (id: String, node: YAMLNode)
    ) throws(AppRefusal) {
        let path = ["controllers", controller.id, "containers", container.id]
        guard var node = remaining[path: path[0], path[1], path[2], path[3]] else { return }
        let defaults = resolved.environment
        var env: [String: String] = [:]
        var secrets: [String: SecretSource] = [:]
        var leftover: [(String, YAMLNode)] = []
        for (name, value) in reading.environment {
            guard ConfigDecoder.isEnvironmentName(name) else {
                leftover.append((name, value))
                continue
            }
            let text =
                value.scalar.flatMap { value.isNull ? nil : $0.text }
                ?? (value.keys == ["value"] ? value["value"]?.text : nil)
            if let text {
                if defaults[name] != text { env[name] = text }
                continue
            }
            if let reference = value[path: "valueFrom", "secretKeyRef"], value.keys == ["valueFrom"],
                value["valueFrom"]?.keys == ["secretKeyRef"], let secret = reference["name"]?.text,
                let key = reference["key"]?.text, reference.keys.allSatisfy({ $0 == "name" || $0 == "key" })
            {
                secrets[name] = .secretRef(name: reading.values.filled(secret), key: key)
                continue
            }
            leftover.append((name, value))
        }
        var remainingSources: [YAMLNode] = []
        for source in node["envFrom"]?.items ?? [] {
            let name = source["secret"]?.text ?? source[path: "secretRef", "name"]?.text
            let plain =
                source.keys == ["secret"] || (source.keys == ["secretRef"] && source["secretRef"]?.keys == ["name"])
            guard plain, let name, let known = app.secrets[reading.values.filled(name)], known.complete else {
                remainingSources.append(source)
                continue
            }
            let secret = reading.values.filled(name)
            for key in known.keys where env[key] == nil && secrets[key] == nil && ConfigDecoder.isEnvironmentName(key) {
                secrets[key] = .secretRef(name: secret, key: key)
            }
            notes.append("envFrom Secret '\(secret)' (keys listed in the app folder) → secrets")
        }
        if !env.isEmpty {
            spec.env = env
            set(
                "env", .mapping(.sortedByKey(env.mapValues { .string($0) })),
                note: "container env → env (\(env.count) variable\(env.count == 1 ? "" : "s") mediactl does not set so)"
            )
        }
        if !secrets.isEmpty {
            spec.secrets = secrets
            var map: [String: YAMLValue] = [:]
            for (variable, source) in secrets {
                if case .secretRef(let name, let key) = source {
                    map[variable] = ["secretRef": ["name": .string(name), "key": .string(key)]]
                }
            }
            set("secrets", .mapping(.sortedByKey(map)), note: "Secret keys → secrets (secretRef)")
        }
        node =
            leftover.isEmpty
            ? node.removing("env")
            : node.setting("env", .mapping(leftover, at: node["env"]?.position ?? node.position))
        node =
            remainingSources.isEmpty
            ? node.removing("envFrom")
            : node.setting(
                "envFrom", YAMLNode(.sequence(remainingSources), at: node["envFrom"]?.position ?? node.position))
        remaining = AppMapper.replacing(in: remaining, at: path, with: node)
    }

    /// Maps the main container's `resources`.
    mutating func mapResources(
        _ remaining: inout YAMLNode, controller: (id: String, node: YAMLNode), container: (id: String, node: YAMLNode)
    ) {
        let path = ["controllers", controller.id, "containers", container.id]
        guard let node = remaining[path: path[0], path[1], path[2], path[3]], var resources = node["resources"],
            resources.pairs != nil
        else { return }
        var requirements = ResourceRequirements()
        for section in ["requests", "limits"] {
            guard var amounts = resources[section] else { continue }
            var mapped = ResourceRequirements.Amounts()
            if let cpu = amounts["cpu"]?.text {
                mapped.cpu = cpu
                amounts = amounts.removing("cpu")
            }
            if let memory = amounts["memory"]?.text {
                mapped.memory = memory
                amounts = amounts.removing("memory")
            }
            if section == "limits" {
                for (resource, kind) in [("nvidia.com/gpu", GPUKind.nvidia), ("gpu.intel.com/i915", .intel)]
                where amounts[resource]?.integer == 1 && spec.gpu == nil {
                    spec.gpu = kind
                    set("gpu", .string(kind.rawValue), note: "\(resource) limit → gpu: \(kind.rawValue)")
                    amounts = amounts.removing(resource)
                }
                requirements.limits = mapped
            } else {
                requirements.requests = mapped
            }
            resources =
                amounts.pairs?.isEmpty == true ? resources.removing(section) : resources.setting(section, amounts)
        }
        if requirements != (reading.spec?.resources ?? ResourceRequirements()) {
            spec.resources = requirements
            var entry = YAMLMapping()
            for (section, amounts) in [("requests", requirements.requests), ("limits", requirements.limits)] {
                var mapping = YAMLMapping()
                if let cpu = amounts.cpu { mapping.set("cpu", .string(cpu)) }
                if let memory = amounts.memory { mapping.set("memory", .string(memory)) }
                if !mapping.isEmpty { entry.set(section, .mapping(mapping)) }
            }
            set("resources", .mapping(entry), note: "CPU and memory → resources")
        }
        let updated =
            resources.pairs?.isEmpty == true ? node.removing("resources") : node.setting("resources", resources)
        remaining = AppMapper.replacing(in: remaining, at: path, with: updated)
    }
}
