/// Public JSON schemas editors use through `# yaml-language-server: $schema=`.
enum SchemaURL {
    /// Custom resources: the schemas current home-ops repositories point at (onedr0p/home-ops, bjw-s-labs/home-ops,
    /// buroa/k8s-gitops; onedr0p commit 63c9368699 "chore: switch to new k8s schemas"), one file per group, kind and
    /// version in the kubeconform layout.
    private static let customResources = "https://k8s-schemas.home-operations.com/"
    private static let kubernetes =
        "https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/v1.33.0-standalone-strict/"

    /// Flux `Kustomization` (kustomize.toolkit.fluxcd.io/v1).
    static let fluxKustomization = customResource("kustomize.toolkit.fluxcd.io", "kustomization_v1")
    /// Flux `OCIRepository` (source.toolkit.fluxcd.io/v1).
    static let ociRepository = customResource("source.toolkit.fluxcd.io", "ocirepository_v1")
    /// Flux `HelmRepository` (source.toolkit.fluxcd.io/v1).
    static let helmRepository = customResource("source.toolkit.fluxcd.io", "helmrepository_v1")
    /// kustomize's `kustomization.yaml`.
    static let kustomization = "https://json.schemastore.org/kustomization"
    /// external-secrets `ExternalSecret` (external-secrets.io/v1).
    static let externalSecret = customResource("external-secrets.io", "externalsecret_v1")

    /// A custom resource's schema: `group` and `<kind>_<version>` in lowercase.
    static func customResource(_ group: String, _ kindAndVersion: String) -> String {
        customResources + group + "/" + kindAndVersion + ".json"
    }

    /// A HelmRelease of the app-template chart, values included: the chart's own wrapper schema at that
    /// release tag (bjw-s-labs/helm-charts, `charts/other/app-template/schemas/helmrelease-helm-v2.schema.json`).
    static func appTemplateHelmRelease(version: String) -> String {
        "https://raw.githubusercontent.com/bjw-s-labs/helm-charts/app-template-\(version)/charts/other/app-template/"
            + "schemas/helmrelease-helm-v2.schema.json"
    }

    /// A core Kubernetes kind, strict, at Kubernetes 1.33 (`namespace-v1.json`, `ingress-networking-v1.json`).
    static func core(_ file: String) -> String { kubernetes + file + ".json" }
}
