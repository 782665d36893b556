/// Public JSON schemas editors use through `# yaml-language-server: $schema=`.
enum SchemaURL {
    private static let flux = "https://raw.githubusercontent.com/fluxcd-community/flux2-schemas/main/"
    private static let kubernetes =
        "https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/v1.33.0-standalone-strict/"

    /// Flux `Kustomization` (kustomize.toolkit.fluxcd.io/v1).
    static let fluxKustomization = flux + "kustomization-kustomize-v1.json"
    /// Flux `OCIRepository` (source.toolkit.fluxcd.io/v1).
    static let ociRepository = flux + "ocirepository-source-v1.json"
    /// Flux `HelmRepository` (source.toolkit.fluxcd.io/v1).
    static let helmRepository = flux + "helmrepository-source-v1.json"
    /// kustomize's `kustomization.yaml`.
    static let kustomization = "https://json.schemastore.org/kustomization"
    /// external-secrets `ExternalSecret` (external-secrets.io/v1).
    static let externalSecret = "https://kubernetes-schemas.pages.dev/external-secrets.io/externalsecret_v1.json"

    /// A HelmRelease of the app-template chart, values included: the chart's own wrapper schema at that
    /// release tag (bjw-s-labs/helm-charts, `charts/other/app-template/schemas/helmrelease-helm-v2.schema.json`).
    static func appTemplateHelmRelease(version: String) -> String {
        "https://raw.githubusercontent.com/bjw-s-labs/helm-charts/app-template-\(version)/charts/other/app-template/"
            + "schemas/helmrelease-helm-v2.schema.json"
    }

    /// A core Kubernetes kind, strict, at Kubernetes 1.33 (`namespace-v1.json`, `ingress-networking-v1.json`).
    static func core(_ file: String) -> String { kubernetes + file + ".json" }
}
