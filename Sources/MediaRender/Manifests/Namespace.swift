import MediaYAML

/// A namespace's `namespace.yaml`. Flux never prunes it: deleting a namespace would delete its PVCs.
struct Namespace: Manifest {
    var name: String

    var schemaURL: String? { SchemaURL.core("namespace-v1") }

    func yamlValue() -> YAMLValue {
        object(
            "v1", "Namespace",
            ObjectMeta(name: name, annotations: [PersistentVolumeClaim.pruneAnnotation: "disabled"]), [])
    }
}
