import MediaYAML

/// The per-app chart source when `chart.source` is `oci`: the app-template chart from GHCR.
struct OCIRepository: Manifest {
    /// The chart's OCI address (bjw-s-labs/helm-charts README: `oci://ghcr.io/bjw-s-labs/helm/app-template`).
    static let appTemplateURL = "oci://ghcr.io/bjw-s-labs/helm/app-template"

    var name: String
    var tag: String

    var schemaURL: String? { SchemaURL.ociRepository }

    func yamlValue() -> YAMLValue {
        object(
            "source.toolkit.fluxcd.io/v1", "OCIRepository", ObjectMeta(name: name),
            [
                (
                    "spec",
                    [
                        "interval": "15m",
                        "layerSelector": [
                            "mediaType": "application/vnd.cncf.helm.chart.content.v1.tar+gzip", "operation": "copy",
                        ],
                        "ref": ["tag": .string(tag)],
                        "url": .string(Self.appTemplateURL),
                    ]
                )
            ])
    }
}
