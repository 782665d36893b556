import MediaKit
import MediaYAML

/// An app's `ks.yaml`: the Flux Kustomization (kustomize.toolkit.fluxcd.io/v1) that applies its `app/`
/// folder into its namespace.
struct FluxKustomization: Manifest {
    var name: String
    var namespace: String
    /// `./<appsDir>/<ns>/<app>/app`.
    var path: String
    var source: FluxSourceReference
    var dependsOn: [FluxDependency]
    /// Kustomize components, relative to ``path`` (`../../../../components/volsync`), as Flux reads them.
    var components: [String] = []
    /// True when other apps wait for this one: Flux then waits for its resources to be ready.
    var wait: Bool
    var substituteFrom: [String]
    /// `postBuild.substitute`.
    var substitute: [String: String] = [:]

    var schemaURL: String? { SchemaURL.fluxKustomization }

    func yamlValue() -> YAMLValue {
        var spec = YAMLMapping([
            ("targetNamespace", .string(namespace)),
            ("commonMetadata", ["labels": ["app.kubernetes.io/name": .string(name)]]),
        ])
        if !components.isEmpty { spec.set("components", .strings(components)) }
        if !dependsOn.isEmpty {
            spec.set(
                "dependsOn",
                .sequence(
                    dependsOn.map { dependency in
                        var entry = YAMLMapping([("name", .string(dependency.name))])
                        if let namespace = dependency.namespace { entry.set("namespace", .string(namespace)) }
                        return .mapping(entry)
                    }))
        }
        spec.set("path", .string(path))
        spec.set("prune", true)
        spec.set(
            "sourceRef",
            [
                "kind": .string(source.kind.rawValue), "name": .string(source.name),
                "namespace": .string(source.namespace),
            ])
        spec.set("wait", .boolean(wait))
        spec.set("interval", "1h")
        spec.set("retryInterval", "2m")
        spec.set("timeout", "5m")
        var postBuild = YAMLMapping()
        if !substitute.isEmpty { postBuild.set("substitute", .sortedStrings(substitute)) }
        if !substituteFrom.isEmpty {
            postBuild.set("substituteFrom", .sequence(substituteFrom.map { ["kind": "Secret", "name": .string($0)] }))
        }
        if !postBuild.entries.isEmpty { spec.set("postBuild", .mapping(postBuild)) }
        return object(
            "kustomize.toolkit.fluxcd.io/v1", "Kustomization", ObjectMeta(name: name, namespace: namespace),
            [("spec", .mapping(spec))])
    }
}
