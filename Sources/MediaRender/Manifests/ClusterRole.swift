import MediaKit
import MediaYAML

/// A ClusterRole of read rules: what an app with cluster discovery may read anywhere in the cluster.
struct ClusterRole: Manifest {
    var name: String
    var rules: [ClusterDiscovery.Rule]

    var schemaURL: String? { SchemaURL.core("clusterrole-rbac-v1") }

    func yamlValue() -> YAMLValue {
        object(
            "rbac.authorization.k8s.io/v1", "ClusterRole", ObjectMeta(name: name),
            [
                (
                    "rules",
                    .sequence(
                        rules.map { rule in
                            [
                                "apiGroups": .strings(rule.apiGroups), "resources": .strings(rule.resources),
                                "verbs": .strings(rule.verbs),
                            ]
                        })
                )
            ])
    }
}
