import MediaYAML

/// A namespace's `prometheusrule.yaml` (monitoring.coreos.com/v1): one group with its alerts.
struct PrometheusRule: Manifest {
    var name: String
    var rules: [AlertRules.Rule]

    var schemaURL: String? { SchemaURL.customResource("monitoring.coreos.com", "prometheusrule_v1") }

    func yamlValue() -> YAMLValue {
        let rules: [YAMLValue] = self.rules.map { rule in
            [
                "alert": .string(rule.name), "expr": .string(rule.expression), "for": .string(rule.duration),
                "labels": ["severity": .string(rule.severity)],
                "annotations": ["summary": .string(rule.summary)],
            ]
        }
        return object(
            "monitoring.coreos.com/v1", "PrometheusRule", ObjectMeta(name: name),
            [("spec", ["groups": [["name": .string(name), "rules": .sequence(rules)]]])])
    }
}
