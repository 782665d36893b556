import Foundation
import MediaConfig
import MediaKit
import MediaRender
import MediaYAML

/// `mediactl enable APP…` and `mediactl disable APP… [--force]`: a minimal in-place edit of each app's
/// `enabled:` line, then a render. Nothing is written when the edit or the render would fail.
struct ToggleCommand {
    let invocation: Invocation
    let terminal: Terminal
    /// True for `enable`, false for `disable`.
    let enabling: Bool

    func run() -> Int32 {
        guard let session = ConfigSession.open(invocation, terminal), let stack = session.validStack(terminal),
            let root = session.result.root
        else { return ExitStatus.failure }
        let names = invocation.arguments
        guard session.hasApps(names, in: stack, terminal) else { return ExitStatus.failure }
        if !enabling, let blocker = dependent(of: names, in: stack) {
            guard invocation.has("--force") else {
                terminal.error(
                    "refusing to disable '\(blocker.target)': enabled app '\(blocker.dependent)' depends on it; "
                        + "disable both, or pass --force")
                return ExitStatus.failure
            }
            terminal.warning(
                "app '\(blocker.dependent)' depends on '\(blocker.target)', which is disabled; Flux waits for it until "
                    + "it is enabled")
        }
        guard let edited = edit(session.source, root: root, names: names, session: session) else {
            return ExitStatus.failure
        }
        let load = ConfigLoader.load(text: edited)
        var expected = stack
        for index in expected.apps.indices where names.contains(expected.apps[index].name.rawValue) {
            expected.apps[index].enabled = enabling
        }
        guard let newStack = load.stack, newStack == expected else {
            terminal.error("internal error: the edited config does not decode to the expected stack; nothing written")
            return ExitStatus.failure
        }
        let pipeline: RenderPipeline
        do {
            pipeline = try RenderPipeline(
                stack: newStack, outputRoot: session.outputRoot, configPath: session.pathInRepository,
                adoption: session.adoption)
        } catch {
            terminal.error(error.message)
            return ExitStatus.failure
        }
        if !pipeline.plan.handWritten.isEmpty {
            // Refuse before the config changes, so the two never disagree.
            return pipeline.write(force: false, terminal)
        }
        if edited != session.source,
            !ConfigSession.writeConfig(
                edited, to: session.location.url.path, display: session.location.displayPath, terminal)
        {
            return ExitStatus.failure
        }
        let status = pipeline.write(force: false, terminal)
        guard status == ExitStatus.success else { return status }
        let already = names.filter { stack.app(named: AppName(rawValue: $0))?.enabled == enabling }
        report(names: names, already: already, stack: newStack, session: session, pipeline: pipeline)
        return ExitStatus.success
    }

    /// An enabled app outside `names` that depends on one of them.
    private func dependent(of names: [String], in stack: Stack) -> (target: String, dependent: String)? {
        for app in stack.apps where app.enabled && !names.contains(app.name.rawValue) {
            if let target = app.dependsOn.first(where: names.contains) { return (target, app.name.rawValue) }
        }
        return nil
    }

    private func edit(_ source: String, root: YAMLNode, names: [String], session: ConfigSession) -> String? {
        var text = source
        var tree = root
        for name in names {
            do {
                text = try ConfigEditor(source: text, root: tree).settingEnabled(enabling, for: name)
            } catch {
                let location = error.position.map { ":\($0)" } ?? ""
                terminal.diagnostic(
                    DiagnosticFormatter.escaped("\(session.location.displayPath)\(location): error: \(error.message)")
                        + "\n")
                return nil
            }
            guard let reread = YAMLReader().read(text).root else { return nil }
            tree = reread
        }
        return text
    }

    /// The config file the edit changed, as `git add` takes it: the config, or the file its link leads to
    /// (staging the link would stage nothing), relative to the working directory when it lies below it.
    private func editedConfig(_ session: ConfigSession) -> String {
        let path = session.location.url.path
        guard case .success(let target) = ConfigLocator.editablePath(of: path, display: session.location.displayPath),
            target != path
        else { return session.location.displayPath }
        let here = FileManager.default.currentDirectoryPath
        let prefix = here.hasSuffix("/") ? here : here + "/"
        return target.hasPrefix(prefix) ? String(target.dropFirst(prefix.count)) : target
    }

    /// What changed and what to do next. `already` are the names that were in the state asked for: the config
    /// keeps them as it was.
    private func report(
        names: [String], already: [String], stack: Stack, session: ConfigSession, pipeline: RenderPipeline
    ) {
        guard !terminal.isQuiet else { return }
        let verb = enabling ? "enabled" : "disabled"
        let toggled = names.filter { !already.contains($0) }
        let changed = !toggled.isEmpty
        func list(_ names: [String]) -> String { names.map { "'\($0)'" }.joined(separator: ", ") }
        if changed { terminal.output("\(verb) \(list(toggled)) in \(session.location.displayPath)\n") }
        if !already.isEmpty {
            terminal.output("\(list(already)) already \(verb) in \(session.location.displayPath)\n")
        }
        terminal.output("rendered \(pipeline.plan.summary)\n")
        guard !pipeline.plan.effective.isEmpty || changed else { return }
        let folders = Set(
            names.compactMap { stack.app(named: AppName(rawValue: $0)) }.map {
                "\(stack.repo.appsDir)/\(stack.namespace(of: $0))"
            }
        ).sorted()
        let docs = stack.repo.docsDir.map { [$0] } ?? []
        terminal.output("next:\n")
        // A hand-written namespace's list is the user's: say which line to change (`check` insists on it).
        for name in toggled {
            guard let app = stack.app(named: AppName(rawValue: name)),
                stack.repo.handWrittenNamespaces.contains(stack.namespace(of: app))
            else { continue }
            let file = NamespaceListing(stack: stack).kustomizationPath(of: stack.namespace(of: app))
            terminal.output(
                enabling
                    ? "  add './\(name)/ks.yaml' to the resources of \(file) (hand-written)\n"
                    : "  remove './\(name)/ks.yaml' from the resources of \(file) (hand-written)\n")
        }
        terminal.output("  git add \(([editedConfig(session)] + folders + docs).joined(separator: " "))\n")
        terminal.output("  git commit -m '\(enabling ? "Enable" : "Disable") \(names.joined(separator: ", "))'\n")
        for name in names {
            guard let app = stack.app(named: AppName(rawValue: name)) else { continue }
            let namespace = stack.namespace(of: app)
            if enabling {
                terminal.output("  flux reconcile kustomization \(name) --with-source -n \(namespace)\n")
            } else {
                terminal.output(
                    "  flux reconcile kustomization cluster-apps --with-source -n flux-system"
                        + "   # the Kustomization that applies \(stack.repo.appsDir); it prunes '\(name)' (PVCs stay)\n"
                )
            }
        }
    }
}
