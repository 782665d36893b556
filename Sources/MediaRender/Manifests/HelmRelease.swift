import MediaKit
import MediaYAML

/// An app's `helmrelease.yaml` (helm.toolkit.fluxcd.io/v2): the app-template chart with the app's values.
struct HelmRelease: Manifest {
    var name: String
    var chart: ChartSettings
    /// The chart values (already merged with the app's `values`), built when the file is emitted.
    var values: @Sendable () -> YAMLValue

    var schemaURL: String? { SchemaURL.appTemplateHelmRelease(version: chart.version.rawValue) }

    func yamlValue() -> YAMLValue {
        var spec = YAMLMapping([("interval", "1h")])
        switch chart.source {
        case .oci:
            spec.set("chartRef", ["kind": "OCIRepository", "name": .string(name)])
        case .helmRepository:
            spec.set(
                "chart",
                [
                    "spec": [
                        "chart": "app-template", "version": .string(chart.version.rawValue),
                        "sourceRef": ["kind": "HelmRepository", "name": .string(name)],
                    ]
                ])
        }
        spec.set("install", ["remediation": ["retries": -1]])
        spec.set("upgrade", ["cleanupOnFail": true, "remediation": ["retries": 3]])
        spec.set("values", values())
        return object("helm.toolkit.fluxcd.io/v2", "HelmRelease", ObjectMeta(name: name), [("spec", .mapping(spec))])
    }
}
