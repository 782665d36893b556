/// Where generated files go in the Flux repository and how its Flux Kustomizations are wired.
public struct RepoSettings: Hashable, Sendable {
    /// The folder of namespaces and apps, relative to the repository root.
    public var appsDir = "kubernetes/apps"
    /// The folder of generated runbooks, or nil when `docsDir: false`.
    public var docsDir: String? = "docs/apps"
    /// The `sourceRef` of every Flux Kustomization.
    public var source = FluxSourceReference()
    /// Secrets listed in every Kustomization's `postBuild.substituteFrom`, as the config states them; nil when it
    /// does not say (``Stack/substitutionSecrets`` then picks the default). An explicit empty list states that no
    /// Secret is needed here: nothing to substitute, or a parent Kustomization patches `postBuild` in.
    public var substituteFrom: [String]?
    /// Namespaces whose own files stay hand-written: their folder's `kustomization.yaml` and `namespace.yaml`
    /// belong to the user (an imported Flux repository lists apps mediactl does not manage there, and
    /// components), so `render` writes only the app folders and the other namespace files there.
    public var handWrittenNamespaces: [String] = []

    /// Where `render` writes the Renovate preset that points Renovate at the pins in `mediactl.yaml` and away from
    /// the generated files (a `.json5` path relative to the repository root), or nil when `renovate: false`.
    public var renovatePreset: String? = Self.defaultRenovatePreset

    /// The Renovate preset's default path: `.renovate/` is where home-ops repositories keep their presets
    /// (bjw-s-labs/home-ops and buroa/k8s-gitops `.renovate/*.json5`).
    public static let defaultRenovatePreset = ".renovate/mediactl.json5"

    /// Where `render` writes the JSON Schema of `mediactl.yaml`, which editors read through the config's
    /// `# yaml-language-server: $schema=` line (a `.json` path relative to the repository root), or nil when
    /// `schema: false`.
    public var schema: String? = Self.defaultSchema

    /// The schema's default path: a folder of mediactl's own at the root, beside `.renovate/`.
    public static let defaultSchema = ".mediactl/schema.json"

    /// The Secret Flux substitutes `${VARIABLES}` from when the config does not say: the name the Flux cluster
    /// template and seed 001 give it (onedr0p/cluster-template `kubernetes/components/sops/cluster-secrets.sops.yaml`
    /// copies it into every namespace, beside the Kustomizations that read it).
    public static let defaultSubstitutionSecret = "cluster-secrets"

    /// The defaults.
    public init() {}

    /// The folders `render` owns, relative to the output root: `appsDir`, and `docsDir` unless turned off.
    /// Stale generated files are removed only below these.
    public var generatedFolders: [String] { [appsDir] + (docsDir.map { [$0] } ?? []) }
}

/// A Flux source object that Kustomizations read manifests from.
public struct FluxSourceReference: Hashable, Sendable {
    /// The source kinds a Flux Kustomization may reference.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        /// A Git repository (the usual case).
        case gitRepository = "GitRepository"
        /// An OCI artifact.
        case ociRepository = "OCIRepository"
        /// An S3-compatible bucket.
        case bucket = "Bucket"
    }

    /// The source's kind.
    public var kind = Kind.gitRepository
    /// The source's name.
    public var name = "flux-system"
    /// The source's namespace.
    public var namespace = "flux-system"

    /// The defaults: `GitRepository/flux-system` in `flux-system`.
    public init() {}
}
