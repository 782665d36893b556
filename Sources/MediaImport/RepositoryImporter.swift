import MediaConfig
import MediaKit
import MediaRender
import MediaYAML

/// `mediactl import PATH…` in memory: reads the app folders below the given folders, maps each onto
/// `mediactl.yaml` keys, and proves the result before it offers it. The candidate config is loaded, validated and
/// rendered like `render` would; each app's `values:` are the difference between its original values and what
/// mediactl renders; and each app's facts (claims, images, hosts, Services, mounts, environment, secret
/// references, dependencies, kept objects) are compared before and after. An app that fails any step stays
/// hand-written, with the reason, and the others are planned again without it.
public struct RepositoryImporter: Sendable {
    /// What the CLI read.
    public let source: ImportSource
    /// The existing `mediactl.yaml` (its path for messages, and its text), when there is one.
    public let config: (path: String, text: String)?

    /// An importer of `source` into the config `config` (nil: a new config).
    public init(source: ImportSource, config: (path: String, text: String)?) {
        self.source = source
        self.config = config
    }

    /// Decides everything.
    public func run() -> ImportResult {
        var result = ImportResult()
        var reader = ManifestReader(source: source)
        var existing: Stack?
        var existingRoot: YAMLNode?
        if let config {
            let loaded = ConfigLoader.load(text: config.text)
            guard let stack = loaded.stack else {
                result.errors =
                    loaded.diagnostics.filter { $0.severity == .error }.map { ImportDiagnostic(path: config.path, $0) }
                return result
            }
            existing = stack
            existingRoot = loaded.root
        }
        let scan = FolderScan(&reader)
        result.errors = scan.errors + reader.errors
        if let existing, let first = scan.apps.first, first.appsDir != existing.repo.appsDir {
            result.errors.append(
                ImportDiagnostic(
                    path: first.folder,
                    .error(
                        at: nil,
                        "the app folder is below '\(first.appsDir)', but mediactl.yaml renders into "
                            + "'\(existing.repo.appsDir)' (repo.appsDir)")))
        }
        guard result.errors.isEmpty else { return result }

        var reports: [String: ImportReport.App] = [:]
        var candidates: [HandWrittenApp] = []
        for location in scan.apps {
            var entry = ImportReport.App(
                name: location.name, namespace: location.namespace, folder: location.folder, outcome: .skipped)
            if let stack = existing, let app = stack.apps.first(where: { $0.name.rawValue == location.name }) {
                let namespace = stack.namespace(of: app)
                let path = config?.path ?? "mediactl.yaml"
                if namespace == location.namespace {
                    entry.reasons = [
                        ImportDiagnostic(path: path, .warning(at: nil, "apps.\(location.name) is there already"))
                    ]
                } else {
                    entry.outcome = .refused
                    entry.reasons = [
                        ImportDiagnostic(
                            path: path,
                            .error(
                                at: nil,
                                "apps.\(location.name) is there already, in namespace '\(namespace)'; app names are "
                                    + "unique across namespaces"))
                    ]
                }
                reports[location.folder] = entry
                continue
            }
            if let earlier = candidates.first(where: { $0.name == location.name }) {
                entry.outcome = .refused
                entry.reasons = [
                    ImportDiagnostic(
                        path: location.folder,
                        .error(
                            at: nil,
                            "'\(earlier.folder)' is an app of the same name; app names are unique across namespaces"))
                ]
                reports[location.folder] = entry
                continue
            }
            let reading = AppFolderReader(
                appsDir: location.appsDir, namespace: location.namespace, name: location.name,
                kustomizationNamespace: scan.kustomizationNamespaces["\(location.appsDir)/\(location.namespace)"])
            do {
                candidates.append(try reading.read(&reader))
            } catch {
                entry.outcome = .refused
                entry.reasons = error.reasons
            }
            reports[location.folder] = entry
        }
        guard reader.errors.isEmpty else {
            result.errors = reader.errors
            return result
        }

        let plan = Planning(
            source: source,
            existing: existing.flatMap { stack in
                config.flatMap { config in existingRoot.map { (stack, config.path, config.text, $0) } }
            },
            kustomizationNamespaces: scan.kustomizationNamespaces)
        let outcome = plan.settle(candidates)
        for (folder, reasons) in outcome.refused {
            reports[folder]?.outcome = .refused
            reports[folder]?.reasons = reasons
        }
        for app in outcome.adopted {
            var entry =
                reports[app.mapped.app.folder]
                ?? ImportReport.App(
                    name: app.mapped.name, namespace: app.mapped.app.namespace, folder: app.mapped.app.folder,
                    outcome: ImportReport.Outcome.adopted)
            entry.outcome = .adopted
            entry.keys = app.mapped.notes
            entry.values = app.valuePaths
            entry.kept = app.mapped.kept
            entry.adopted = app.mapped.adopted
            entry.unlisted = app.mapped.unlisted
            entry.added = app.added
            entry.warnings = app.mapped.warnings + app.warnings
            reports[app.mapped.app.folder] = entry
            for path in app.mapped.adopted { result.record.adopt(path, bytes: source.files[path] ?? []) }
        }
        result.report.apps = reports.values.sorted { $0.folder.utf8.lexicographicallyPrecedes($1.folder.utf8) }
        result.report.settings = outcome.settings
        if !outcome.adopted.isEmpty {
            result.configText = outcome.configText
        }
        return result
    }
}
