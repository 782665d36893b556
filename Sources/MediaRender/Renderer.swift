import MediaKit
import MediaYAML

/// Renders a stack into the home-ops layout of PRODUCT.md §4, in memory.
///
/// `<appsDir>/<ns>/` gets `kustomization.yaml`, `namespace.yaml` and a never-pruned `pvc-<volume>.yaml`
/// per shared `pvc` volume its apps mount; each app gets `<app>/ks.yaml` (`ks.dis` when disabled) and
/// `<app>/app/…`; `<docsDir>/<ns>.md` is the namespace's runbook. Nothing else is written.
public struct Renderer: Sendable {
    /// The stack to render; it should have passed ``StackValidator`` without errors.
    public let stack: Stack

    /// The stack's apps from `AppResolver(stack:).resolveAll()`, when the caller had them already.
    private let resolvedApps: [ResolvedApp]?

    /// The config's path relative to the repository root, which the Renovate preset names.
    public let configPath: String

    /// A renderer for `stack`, whose config is at `configPath` relative to the repository root (or is called that,
    /// when it lies outside). `resolvedApps`, when given, must be `AppResolver(stack: stack).resolveAll()` (the CLI
    /// resolves once, to validate, and renders from the same apps).
    public init(stack: Stack, resolvedApps: [ResolvedApp]? = nil, configPath: String = "mediactl.yaml") {
        self.stack = stack
        self.resolvedApps = resolvedApps
        self.configPath = configPath
    }

    /// Every generated file, sorted by path. Besides the layout's manifests and runbooks: the config's JSON
    /// Schema (``ConfigSchemaFile``) and the Renovate preset (``RenovatePreset``), which ignores all the others,
    /// unless the config turns them off.
    public func render() -> [RenderedFile] { renderedFiles(of: layout()) }

    /// The files of `layout` as text, with the schema and the preset (see ``render()``).
    package func renderedFiles(of layout: FluxLayout) -> [RenderedFile] {
        var files = layout.renderedFiles()
        if let schema = ConfigSchemaFile.file(for: stack) { Self.insert(schema, into: &files) }
        if let preset = RenovatePreset(stack: stack, configPath: configPath).file(ignoring: files.map(\.path)) {
            Self.insert(preset, into: &files)
        }
        return files
    }

    /// Inserts `file` where its path sorts (their paths start with a dot more often than not, before the layout's
    /// folders); it replaces a file at the same path.
    private static func insert(_ file: RenderedFile, into files: inout [RenderedFile]) {
        let index = files.firstIndex { !$0.path.precedesInByteOrder(file.path) } ?? files.endIndex
        if index < files.endIndex, files[index].path.hasSameBytes(as: file.path) {
            files[index] = file
        } else {
            files.insert(file, at: index)
        }
    }

    /// The files one app renders to, sorted (for `explain`).
    public func files(of app: AppName) -> [String] {
        let apps = AppResolver(stack: stack).resolveAll()
        guard let resolved = apps.first(where: { $0.name == app }) else { return [] }
        var layout = FluxLayout()
        AppTranslator(
            app: resolved, stack: stack, policies: policies(of: apps), listedOnDashboard: Self.runsDashboard(apps)
        ).add(to: &layout)
        return layout.files.map(\.path)
    }

    /// Every generated file as typed content, by path.
    package func layout() -> FluxLayout {
        var layout = FluxLayout()
        let apps = resolvedApps ?? AppResolver(stack: stack).resolveAll()
        let policies = policies(of: apps)
        let listed = Self.runsDashboard(apps)
        let namespaces = Set(apps.map(\.namespace)).sortedByBytes()
        for namespace in namespaces {
            let members = apps.filter { $0.namespace == namespace }
            NamespaceTranslator(namespace: namespace, apps: members, stack: stack).add(to: &layout)
            for app in members {
                AppTranslator(app: app, stack: stack, policies: policies, listedOnDashboard: listed).add(to: &layout)
            }
            if let docsDir = stack.repo.docsDir {
                let runbook = RunbookWriter(namespace: namespace, apps: members, stack: stack, policies: policies)
                layout.addMarkdown(at: "\(docsDir)/\(namespace).md") { runbook.markdown() }
            }
        }
        return layout
    }

    /// Whether an enabled app of `apps` (the whole stack) lists the others from their Ingresses and routes.
    private static func runsDashboard(_ apps: [ResolvedApp]) -> Bool {
        apps.contains { $0.enabled && $0.discovery != nil }
    }

    /// The network policies of `apps` (the whole stack), when `networkPolicies` is on.
    private func policies(of apps: [ResolvedApp]) -> NetworkPolicies? {
        stack.networkPolicies.map { NetworkPolicies(settings: $0, apps: apps, stack: stack) }
    }
}
