import MediaYAML

/// The ServiceAccount an app with cluster discovery runs as (its ClusterRoleBinding's subject).
struct ServiceAccount: Manifest {
    var name: String

    var schemaURL: String? { SchemaURL.core("serviceaccount-v1") }

    func yamlValue() -> YAMLValue { object("v1", "ServiceAccount", ObjectMeta(name: name), []) }
}
