import MediaYAML

/// A PVC mediactl renders (an app's config volume, or a shared `pvc` volume), annotated so Flux never
/// prunes it: removing an app from the config must not delete its data.
struct PersistentVolumeClaim: Manifest {
    /// The annotation that keeps Flux's garbage collection away from an object.
    static let pruneAnnotation = "kustomize.toolkit.fluxcd.io/prune"

    var name: String
    var accessMode: String
    var size: String
    var storageClass: String?

    var schemaURL: String? { SchemaURL.core("persistentvolumeclaim-v1") }

    func yamlValue() -> YAMLValue {
        var spec = YAMLMapping([
            ("accessModes", [.string(accessMode)]),
            ("resources", ["requests": ["storage": .string(size)]]),
        ])
        if let storageClass { spec.set("storageClassName", .string(storageClass)) }
        return object(
            "v1", "PersistentVolumeClaim", ObjectMeta(name: name, annotations: [Self.pruneAnnotation: "disabled"]),
            [("spec", .mapping(spec))])
    }
}
