import Foundation
import MediaKit
import MediaRender
import MediaYAML

/// `mediactl check [--format text|json|github]`: the CI gate. The config must decode and validate without errors
/// and the tree on disk must be exactly what `render` writes (stale generated files count as drift).
struct CheckCommand {
    let invocation: Invocation
    let terminal: Terminal

    /// The JSON report: `{"config", "ok", "errors", "warnings", "diagnostics", "drift": [{"path", "change", "message", "fix"}], "failure"}`.
    struct Report: Encodable {
        struct Drift: Encodable {
            let path: String
            /// `added`, `updated`, `removed`, `hand-written`, `leftover` or `in-progress`.
            let change: String
            let message: String
            /// What to run or do about it.
            let fix: String

            init(_ change: TreePlan.Change) {
                path = change.path
                if let handWritten = change.handWritten {
                    self.change = "hand-written"
                    message = "\(handWritten.reason), but render writes this path"
                    fix = "move it away, or run 'mediactl render --force' to replace it"
                    return
                }
                fix = "run 'mediactl render'"
                switch change.kind {
                case .add:
                    self.change = change.kind.rawValue
                    message = "missing (render would add it)"
                case .remove where change.isLeftover:
                    self.change = "leftover"
                    message = "temporary file of an interrupted write (render removes it)"
                case .remove:
                    self.change = change.kind.rawValue
                    message = "stale generated file (render would remove it)"
                case .update, .unchanged:
                    self.change = change.kind.rawValue
                    message = "differs from what render writes"
                }
            }

            init(_ temporary: OutputTree.Temporary) {
                path = temporary.path
                change = "in-progress"
                message = TreePlan.inProgressNote(temporary.owner)
                fix = "run 'mediactl check' again once no mediactl runs, or remove the file"
            }
        }

        let config: String
        let ok: Bool
        let errors: Int
        let warnings: Int
        let diagnostics: [ValidationReport.Entry]
        let drift: [Drift]
        /// Why the tree could not be compared (a path that is a symbolic link, an unreadable file).
        let failure: String?
    }

    func run() -> Int32 {
        guard let session = ConfigSession.open(invocation, terminal) else { return ExitStatus.failure }
        let format = invocation.value("--format") ?? "text"
        var drift: [Report.Drift] = []
        var failure: String?
        var listing: [(path: String, diagnostic: Diagnostic, source: String)] = []
        if let stack = session.stack {
            do {
                let plan = try RenderPipeline(
                    stack: stack, apps: session.resolvedApps, outputRoot: session.outputRoot,
                    configPath: session.pathInRepository, adoption: session.adoption
                ).plan
                drift = plan.effective.map(Report.Drift.init) + plan.inProgress.map(Report.Drift.init)
                listing = Self.listingProblems(stack, plan, root: session.outputRoot)
            } catch {
                failure = error.message
            }
        }
        let ok = session.errorCount == 0 && drift.isEmpty && failure == nil && listing.isEmpty
        if format == "github" {
            terminal.output(annotations(session: session, drift: drift, failure: failure))
            return ok ? ExitStatus.success : ExitStatus.failure
        }
        if format == "json" {
            let report = Report(
                config: session.location.displayPath, ok: ok, errors: session.errorCount,
                warnings: session.warningCount,
                diagnostics: session.diagnostics.map(ValidationReport.Entry.init), drift: drift, failure: failure)
            terminal.output(JSONText.encode(report))
            return ok ? ExitStatus.success : ExitStatus.failure
        }
        session.printDiagnostics(terminal)
        if let failure { terminal.error(failure) }
        for problem in listing {
            let formatter = DiagnosticFormatter(
                path: problem.path, source: problem.source, usesColor: terminal.usesColor)
            terminal.diagnostic(formatter.format(problem.diagnostic))
        }
        for entry in drift {
            terminal.diagnostic(
                DiagnosticFormatter.escaped("\(entry.path): error: \(entry.message); \(entry.fix)") + "\n")
        }
        if ok {
            if !terminal.isQuiet {
                let warnings = session.warningCount > 0 ? ", \(Plural.count(session.warningCount, "warning"))" : ""
                terminal.output("check: \(session.location.displayPath) is valid and the tree is current\(warnings)\n")
            }
            return ExitStatus.success
        }
        terminal.diagnostic(
            "check: \(Plural.count(session.errorCount, "config error")), "
                + "\(Plural.count(drift.count, "drifted file"))"
                + (listing.isEmpty ? "" : ", \(Plural.count(listing.count, "listing error"))")
                + (failure == nil ? "" : "; the tree could not be compared") + "\n")
        return ExitStatus.failure
    }

    /// What the hand-written namespaces' `kustomization.yaml` files fail to list, or list wrongly
    /// (``NamespaceListing``).
    static func listingProblems(
        _ stack: Stack, _ plan: TreePlan, root: URL
    ) -> [(
        path: String, diagnostic: Diagnostic, source: String
    )] {
        let check = NamespaceListing(stack: stack)
        let rendered = plan.changes.filter { $0.kind != .remove }.map(\.path)
        var problems: [(path: String, diagnostic: Diagnostic, source: String)] = []
        for namespace in stack.repo.handWrittenNamespaces {
            let path = check.kustomizationPath(of: namespace)
            let bytes: [UInt8]?
            do throws(FileSystem.ReadFailure) {
                bytes = try FileSystem.read(root.appendingPathComponent(path).path)
            } catch {
                problems.append((path, .error(at: nil, "cannot read it: \(error.message)"), ""))
                continue
            }
            for diagnostic in check.problems(namespace: namespace, kustomization: bytes, renderedPaths: rendered) {
                problems.append((path, diagnostic, bytes.map { String(decoding: $0, as: UTF8.self) } ?? ""))
            }
        }
        return problems
    }

    /// Annotations on the config's lines and on each drifted file, then a summary line for the log.
    private func annotations(session: ConfigSession, drift: [Report.Drift], failure: String?) -> String {
        let directory = terminal.context.currentDirectory
        let config = GitHubAnnotations.relativePath(session.location.url, to: directory)
        var text = ""
        for diagnostic in session.diagnostics {
            text += GitHubAnnotations.line(
                diagnostic.severity, file: config, line: diagnostic.position?.line,
                column: diagnostic.position?.column, title: "mediactl", message: diagnostic.message)
        }
        if let failure {
            text += GitHubAnnotations.line(.error, file: config, title: "mediactl check", message: failure)
        }
        for entry in drift {
            let file = GitHubAnnotations.relativePath(
                session.outputRoot.appendingPathComponent(entry.path), to: directory)
            text += GitHubAnnotations.line(
                .error, file: file, title: "mediactl check",
                message: "\(entry.message); \(entry.fix)"
                    + (entry.fix == "run 'mediactl render'" ? " and commit the result" : ""))
        }
        text +=
            "check: \(Plural.count(session.errorCount, "config error")), \(Plural.count(drift.count, "drifted file"))\n"
        return text
    }
}
