import MediaConfig
import MediaKit
import MediaRender
import MediaYAML

/// The loop that settles which apps import adopts: plan the stack, map every app, then prove the config by loading,
/// validating and rendering it and comparing each app's facts. An app that fails a step is refused with its reasons
/// and the rest are planned again, since the stack's shared settings follow the apps that remain.
struct Planning {
    /// An app that passed every step.
    struct AdoptedApp: Sendable {
        /// The app's mapping.
        var mapped: MappedApp
        /// The `values:` import writes (positions of the hand-written files).
        var values: YAMLNode?
        /// Each value path `values:` sets, for the report.
        var valuePaths: [String]
        /// Facts mediactl's defaults add.
        var added: [String]
        /// Lint warnings about the app.
        var warnings: [ImportDiagnostic]
    }

    /// What settled.
    struct Outcome: Sendable {
        /// The apps adopted.
        var adopted: [AdoptedApp] = []
        /// Refused apps by folder, with the reasons.
        var refused: [(String, [ImportDiagnostic])] = []
        /// The config's new text.
        var configText: String?
        /// The stack settings chosen, for the report.
        var settings: [String] = []
    }

    /// What the CLI read.
    let source: ImportSource
    /// The existing config: its stack, path and text.
    let existing: (stack: Stack, path: String, text: String, root: YAMLNode)?
    /// The namespace each namespace folder's `kustomization.yaml` sets.
    let kustomizationNamespaces: [String: String]

    /// Settles `apps`.
    func settle(_ apps: [HandWrittenApp]) -> Outcome {
        guard !apps.isEmpty else { return Outcome() }
        var remaining = apps
        var refused: [(String, [ImportDiagnostic])] = []
        while true {
            switch attempt(remaining) {
            case .success(var outcome):
                outcome.refused = refused
                return outcome
            case .failure(let failures):
                refused += failures.list
                let folders = Set(failures.list.map(\.0))
                remaining.removeAll { folders.contains($0.folder) }
                if remaining.isEmpty {
                    return Outcome(refused: refused)
                }
            }
        }
    }

    /// Refused apps of one attempt.
    struct Failures: Error {
        /// Each refused app's folder and its reasons.
        var list: [(String, [ImportDiagnostic])]
    }

    /// The stack every app is mapped against.
    private func plannedStack(_ apps: [HandWrittenApp]) -> Stack {
        var stack = existing?.stack ?? StackPlanner(apps: apps).plan()
        // A namespace stays hand-written unless mediactl wrote its kustomization.yaml.
        var namespaces = Set(existing?.stack.repo.handWrittenNamespaces ?? [])
        if existing == nil { namespaces = [] }
        for app in apps {
            let path = "\(app.appsDir)/\(app.namespace)/kustomization.yaml"
            if let bytes = source.files[path], MediaRender.isGenerated(bytes, path: path) { continue }
            if existing?.stack.apps.contains(where: { existing?.stack.namespace(of: $0) == app.namespace }) == true,
                source.files[path] == nil
            {
                continue
            }
            namespaces.insert(app.namespace)
        }
        stack.repo.handWrittenNamespaces = namespaces.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return stack
    }

    private func attempt(_ apps: [HandWrittenApp]) -> Result<Outcome, Failures> {
        var stack = plannedStack(apps)
        var failures: [(String, [ImportDiagnostic])] = []
        var namespaces: [String: String] = [:]
        for app in existing?.stack.apps ?? [] { namespaces[app.name.rawValue] = existing?.stack.namespace(of: app) }
        for app in apps { namespaces[app.name] = app.namespace }

        // Map.
        var mapped: [MappedApp] = []
        for app in apps {
            if AppFacts.major(app.chartVersion) != stack.chart.version.major {
                failures.append(
                    (
                        app.folder,
                        [
                            ImportDiagnostic(
                                path: app.release.path,
                                .error(
                                    at: app.release.node["spec"]?.position,
                                    "the app runs app-template \(app.chartVersion), but mediactl.yaml renders "
                                        + "\(stack.chart.version.rawValue) (chart.version is one for every app)"))
                        ]
                    ))
                continue
            }
            var mapper = AppMapper(app: app, stack: stack, namespaces: namespaces)
            do {
                let result = try mapper.map()
                stack.storage.volumes = mapper.volumes
                mapped.append(result)
            } catch {
                failures.append((app.folder, error.reasons))
            }
        }
        guard failures.isEmpty else { return .failure(Failures(list: failures)) }

        // Load and render without values: what mediactl renders for each app.
        guard let bare = load(stack: stack, mapped.map { ($0, nil) }, failures: &failures) else {
            return .failure(Failures(list: failures))
        }
        let bareFiles = Renderer(stack: bare.stack).render()
        var patches: [String: (YAMLNode?, [String])] = [:]
        for app in mapped {
            let rendered = Self.releaseValues(in: bareFiles, app: app)
            var changes: [String] = []
            let patch = ValuesPatch.patch(
                rendered: rendered, original: ValuesPatch.canonical(app.remaining), exact: app.exactPaths,
                changes: &changes)
            if let patch {
                let problems = ValuesChecker.diagnostics(values: patch, version: stack.chart.version, app: app.name)
                    .filter { $0.severity == .error }
                if !problems.isEmpty {
                    failures.append(
                        (
                            app.app.folder,
                            problems.map { ImportDiagnostic(path: valuesFile(of: app.app, at: $0.position), $0) }
                        ))
                    continue
                }
            }
            patches[app.name] = (patch, changes)
        }
        guard failures.isEmpty else { return .failure(Failures(list: failures)) }

        // Load, validate and render with values; compare the facts.
        let entries = mapped.map { ($0, patches[$0.name]?.0) }
        guard let full = load(stack: stack, entries, failures: &failures) else {
            return .failure(Failures(list: failures))
        }
        var warnings: [String: [ImportDiagnostic]] = [:]
        for issue in StackValidator(stack: full.stack).validate() {
            guard issue.keyPath.count >= 2, issue.keyPath[0] == "apps",
                let app = mapped.first(where: { $0.name == issue.keyPath[1] })
            else { continue }
            let diagnostic = ImportDiagnostic(
                path: app.app.release.path,
                issue.severity == .error ? .error(at: nil, issue.message) : .warning(at: nil, issue.message))
            if issue.severity == .error {
                failures.append((app.app.folder, [diagnostic]))
            } else {
                warnings[app.name, default: []].append(diagnostic)
            }
        }
        guard failures.isEmpty else { return .failure(Failures(list: failures)) }
        let files = Renderer(stack: full.stack).render()
        var outcome = Outcome()
        for app in mapped {
            do {
                let added = try verify(app, rendered: files)
                outcome.adopted.append(
                    AdoptedApp(
                        mapped: app, values: patches[app.name]?.0, valuePaths: patches[app.name]?.1 ?? [], added: added,
                        warnings: warnings[app.name] ?? []))
            } catch {
                failures.append((app.app.folder, error.reasons))
            }
        }
        guard failures.isEmpty else { return .failure(Failures(list: failures)) }
        outcome.configText = full.text
        outcome.settings = settings(stack, apps)
        return .success(outcome)
    }

    /// The config text with `entries` and what loading it gives; nil when it has errors, which go to `failures`
    /// by app (any other is a fault of import's, reported for every app).
    private func load(
        stack: Stack, _ entries: [(MappedApp, YAMLNode?)], failures: inout [(String, [ImportDiagnostic])]
    ) -> (stack: Stack, text: String)? {
        let apps: [(String, YAMLValue)] = entries.map { app, values in
            var entry = app.entry
            if let values {
                var ordered = YAMLMapping()
                for key in AppMapper.keyOrder {
                    if key == "values" { ordered.set("values", values.typedValue) }
                    if let value = entry[key] { ordered.set(key, value) }
                }
                entry = ordered
            }
            return (app.name, .mapping(entry))
        }
        let text: String
        if let existing {
            guard
                let extended = ConfigWriter.extended(
                    existing.text, root: existing.root, apps: apps, stack: stack, previous: existing.stack)
            else {
                for (app, _) in entries {
                    failures.append(
                        (
                            app.app.folder,
                            [
                                ImportDiagnostic(
                                    path: existing.path,
                                    .error(
                                        at: nil,
                                        "import extends 'apps', 'storage.volumes' and 'repo.handWrittenNamespaces'; "
                                            + "write them as blocks, not flow collections"))
                            ]
                        ))
                }
                return nil
            }
            text = extended
        } else {
            text = ConfigWriter.newConfig(stack: stack, apps: apps, roots: source.roots)
        }
        let loaded = ConfigLoader.load(text: text)
        if let loadedStack = loaded.stack { return (loadedStack, text) }
        let appKeys = (loaded.root?["apps"]?.pairs ?? []).map { ($0.keyText, $0.key.position.line) }
        for diagnostic in loaded.diagnostics where diagnostic.severity == .error {
            let line = diagnostic.position?.line ?? 0
            let owner = appKeys.last { $0.1 <= line }?.0
            let message = "mediactl would not accept the entry import made: " + diagnostic.message
            if let owner, let app = entries.first(where: { $0.0.name == owner })?.0 {
                failures.append(
                    (app.app.folder, [ImportDiagnostic(path: app.app.release.path, .error(at: nil, message))]))
            } else {
                for (app, _) in entries {
                    failures.append(
                        (app.app.folder, [ImportDiagnostic(path: app.app.release.path, .error(at: nil, message))]))
                }
            }
        }
        if failures.isEmpty {
            for (app, _) in entries {
                failures.append(
                    (
                        app.app.folder,
                        [
                            ImportDiagnostic(
                                path: app.app.release.path, .error(at: nil, "the config import made does not load"))
                        ]
                    ))
            }
        }
        return nil
    }

    /// The `spec.values` of the app's rendered HelmRelease.
    private static func releaseValues(in files: [RenderedFile], app: MappedApp) -> YAMLNode? {
        let path = app.app.appFolder + "helmrelease.yaml"
        guard let file = files.first(where: { $0.path == path }) else { return nil }
        return YAMLReader().read(file.contents).root?[path: "spec", "values"]
    }

    /// The file a values node at `position` came from: the HelmRelease when its inline values hold a node there,
    /// else the values file of its `valuesFrom` ConfigMap.
    private func valuesFile(of app: HandWrittenApp, at position: SourcePosition?) -> String {
        guard let position, let first = app.valuesFiles.first else { return app.release.path }
        var inline: Set<SourcePosition> = []
        func collect(_ node: YAMLNode) {
            inline.insert(node.position)
            for item in node.items ?? [] { collect(item) }
            for pair in node.pairs ?? [] {
                inline.insert(pair.key.position)
                collect(pair.value)
            }
        }
        if let values = app.release.node[path: "spec", "values"] { collect(values) }
        return inline.contains(position) ? app.release.path : first
    }

    /// Reads the app back from the rendered files (beside the files it keeps) and compares its facts with the
    /// original's; returns the facts mediactl's defaults add.
    private func verify(_ app: MappedApp, rendered: [RenderedFile]) throws(AppRefusal) -> [String] {
        let original = app.app
        let prefix = original.folder + "/"
        var files = source.files
        var folders = source.folders
        for path in app.adopted { files[path] = nil }
        let renderedPaths = Set(rendered.map(\.path).filter { $0.hasPrefix(prefix) })
        for kept in app.kept where renderedPaths.contains(original.appFolder + kept) {
            throw AppRefusal(
                path: original.appFolder + kept, at: nil,
                "the file stays hand-written, but mediactl renders a file of that name; rename it and list the new name"
            )
        }
        for file in rendered where file.path.hasPrefix(prefix) {
            files[file.path] = Array(file.contents.utf8)
            var folder = file.path
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                folders.insert(folder)
            }
        }
        var reader = ManifestReader(
            source: ImportSource(roots: source.roots, files: files, folders: folders, unreadable: source.unreadable))
        let namespaceFolder = "\(original.appsDir)/\(original.namespace)"
        let again = AppFolderReader(
            appsDir: original.appsDir, namespace: original.namespace, name: original.name,
            kustomizationNamespace: kustomizationNamespaces[namespaceFolder])
        let readBack: HandWrittenApp
        do {
            readBack = try again.read(&reader)
        } catch {
            throw AppRefusal(
                error.reasons.map { reason in
                    ImportDiagnostic(
                        path: reason.path,
                        .error(at: nil, "mediactl's render of the app does not read back: " + reason.diagnostic.message)
                    )
                } + reader.errors)
        }
        let namespace = kustomizationNamespaces[namespaceFolder]
        let before = AppFacts(original, kustomizationNamespace: namespace)
        let after = AppFacts(readBack, kustomizationNamespace: namespace)
        let differences = AppFacts.differences(original: before, rendered: after)
        var reasons: [ImportDiagnostic] = []
        for fact in differences.missing {
            reasons.append(
                ImportDiagnostic(path: original.folder, .error(at: nil, "mediactl's render would lose: \(fact)")))
        }
        for fact in differences.added {
            reasons.append(
                ImportDiagnostic(path: original.folder, .error(at: nil, "mediactl's render would add: \(fact)")))
        }
        if !reasons.isEmpty { throw AppRefusal(reasons) }
        return differences.defaults
    }

    /// The stack settings import chose, one line each.
    private func settings(_ stack: Stack, _ apps: [HandWrittenApp]) -> [String] {
        guard existing == nil else {
            return stack.repo.handWrittenNamespaces.isEmpty
                ? [] : ["repo.handWrittenNamespaces: " + stack.repo.handWrittenNamespaces.joined(separator: ", ")]
        }
        var lines: [String] = []
        let pinned = Set(apps.map(\.chartVersion)).sorted()
        let note =
            pinned == [stack.chart.version.rawValue]
            ? "" : "; mediactl renders \(stack.chart.version.rawValue), its version of that major"
        lines.append(
            "chart.version: \(stack.chart.version.rawValue) (the files pin \(pinned.joined(separator: ", "))\(note))")
        lines.append("cluster.domain: \(stack.cluster.domain)")
        lines.append("exposure.mode: \(stack.exposure.mode.rawValue)")
        if !stack.repo.handWrittenNamespaces.isEmpty {
            lines.append("repo.handWrittenNamespaces: " + stack.repo.handWrittenNamespaces.joined(separator: ", "))
        }
        lines.append("repo.docsDir: false (no runbooks until you set it)")
        return lines
    }
}
