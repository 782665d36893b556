import MediaYAML

/// A kustomize `kustomization.yaml` (kustomize.config.k8s.io/v1beta1): the namespace folder's (with
/// `namespace:`) or an app's `app/` folder's, listing its resources in order.
struct KustomizationFile: Manifest {
    var namespace: String?
    var resources: [String]

    var schemaURL: String? { SchemaURL.kustomization }

    func yamlValue() -> YAMLValue {
        var mapping = YAMLMapping([
            ("apiVersion", "kustomize.config.k8s.io/v1beta1"), ("kind", "Kustomization"),
        ])
        if let namespace { mapping.set("namespace", .string(namespace)) }
        mapping.set("resources", .strings(resources))
        return .mapping(mapping)
    }
}
