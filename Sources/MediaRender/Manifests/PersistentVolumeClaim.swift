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
    /// K8up's per-PVC switch (`k8up.io/backup`), when K8up backs the namespace up: true for config volumes,
    /// false for shared media volumes, which are far too large for restic and live elsewhere already.
    var k8upBackup: Bool?

    var schemaURL: String? { SchemaURL.core("persistentvolumeclaim-v1") }

    func yamlValue() -> YAMLValue {
        var spec = YAMLMapping([
            ("accessModes", [.string(accessMode)]),
            ("resources", ["requests": ["storage": .string(size)]]),
        ])
        if let storageClass { spec.set("storageClassName", .string(storageClass)) }
        var annotations = [Self.pruneAnnotation: "disabled"]
        if let k8upBackup { annotations["k8up.io/backup"] = k8upBackup ? "true" : "false" }
        return object(
            "v1", "PersistentVolumeClaim", ObjectMeta(name: name, annotations: annotations),
            [("spec", .mapping(spec))])
    }
}
