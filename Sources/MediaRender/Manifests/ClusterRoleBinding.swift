import MediaYAML

/// Binds the ClusterRole `name` to the ServiceAccount `name` in `namespace`. The subject names its namespace,
/// since a cluster-wide binding has none of its own for Flux's `targetNamespace` to fill in.
struct ClusterRoleBinding: Manifest {
    var name: String
    var namespace: String

    var schemaURL: String? { SchemaURL.core("clusterrolebinding-rbac-v1") }

    func yamlValue() -> YAMLValue {
        object(
            "rbac.authorization.k8s.io/v1", "ClusterRoleBinding", ObjectMeta(name: name),
            [
                (
                    "roleRef",
                    ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(name)]
                ),
                (
                    "subjects",
                    [["kind": "ServiceAccount", "name": .string(name), "namespace": .string(namespace)]]
                ),
            ])
    }
}
