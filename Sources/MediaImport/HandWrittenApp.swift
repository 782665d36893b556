import MediaKit
import MediaYAML

/// One hand-written app folder as ``AppFolderReader`` found it: what its `ks.yaml` says, the files its
/// `app/kustomization.yaml` lists, its HelmRelease with the effective values, and the objects beside it.
struct HandWrittenApp: Sendable {
    /// A Flux Kustomization this app waits for.
    struct Dependency: Hashable, Sendable {
        /// The Kustomization's name.
        var name: String
        /// The namespace, when the entry names one.
        var namespace: String?
    }

    /// A PersistentVolumeClaim of the app folder.
    struct Claim: Sendable {
        /// The claim's name.
        var name: String
        /// The file holding it, relative to the repository root.
        var path: String
        /// `resources.requests.storage`.
        var size: String?
        /// `accessModes`.
        var accessModes: [String]
        /// `storageClassName`.
        var storageClass: String?
        /// Spec fields mediactl's claims do not have (`dataSourceRef`, `volumeName`, `selector`…): such a claim
        /// stays hand-written.
        var otherFields: [String]
        /// The claim's document.
        var node: YAMLNode
    }

    /// The keys a Secret of the app folder holds, as far as its files say.
    struct SecretKeys: Sendable {
        /// The keys the files name.
        var keys: [String]
        /// False when more keys may come from the store (`dataFrom` without a template that lists every key).
        var complete: Bool
    }

    /// The app's name: its folder, its Flux Kustomization, its HelmRelease.
    var name: String
    /// The namespace folder's name, which is the app's namespace.
    var namespace: String
    /// The folder of namespaces, relative to the repository root.
    var appsDir: String
    /// `<appsDir>/<namespace>/<name>`.
    var folder: String
    /// `ks.yaml` (true) or `ks.dis` (false).
    var enabled: Bool
    /// The path of `ks.yaml` or `ks.dis`.
    var fluxFile: String
    /// `spec.dependsOn` of the Flux Kustomization.
    var dependsOn: [Dependency]
    /// `spec.components`, as paths from the repository root (`kubernetes/components/volsync`).
    var components: [String]
    /// `postBuild.substituteFrom` Secret names, nil when the Kustomization has no `postBuild.substituteFrom`.
    var substituteFrom: [String]?
    /// `sourceRef`.
    var source: FluxSourceReference
    /// `postBuild.substitute`, already applied to every value read from the app's files.
    var substitute: [String: String]
    /// The listed files in which `substitute` replaced something.
    var substitutedFiles: Set<String>
    /// Files `app/kustomization.yaml` lists, relative to the app folder (`app/…` paths as `resources` writes them,
    /// without `./`).
    var resources: [String]
    /// The documents of every listed file, by path relative to the repository root.
    var documents: [String: [ManifestDocument]]
    /// The HelmRelease.
    var release: ManifestDocument
    /// The values the chart gets: `valuesFrom` sources merged in order, then `spec.values`.
    var values: YAMLNode
    /// Files that held values for `valuesFrom` (a ConfigMap generator's file), relative to the repository root.
    var valuesFiles: [String]
    /// The chart's version as the files pin it (`5.1.0`, `4.4.0`…).
    var chartVersion: String
    /// Where the chart comes from.
    var chartSource: ChartSettings.Source
    /// Files holding the chart source (OCIRepository or HelmRepository) of this app, relative to the root.
    var chartSourceFiles: [String]
    /// The claims of the app folder, by name.
    var claims: [String: Claim]
    /// Secrets whose keys the app folder's files name (ExternalSecret targets, SOPS Secrets), by name.
    var secrets: [String: SecretKeys]
    /// `ks.yaml` settings mediactl writes its own way, for the report (`interval`, `timeout`, `wait`…).
    var fluxDefaults: [String]

    /// `<folder>/app/`.
    var appFolder: String { folder + "/app/" }
}
