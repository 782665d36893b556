import MediaYAML

/// The per-app chart source when `chart.source` is `helm-repository`: bjw-s's classic Helm repository.
/// One per app, like the OCIRepository, so disabling one app never prunes another's source.
struct HelmRepository: Manifest {
    /// The repository's address (bjw-s-labs/helm-charts README).
    static let bjwsURL = "https://bjw-s-labs.github.io/helm-charts/"

    var name: String

    var schemaURL: String? { SchemaURL.helmRepository }

    func yamlValue() -> YAMLValue {
        object(
            "source.toolkit.fluxcd.io/v1", "HelmRepository", ObjectMeta(name: name),
            [("spec", ["interval": "2h", "url": .string(Self.bjwsURL)])])
    }
}
