import Foundation
import MediaYAML

/// `mediactl check [--format text|json]`: the CI gate. The config must decode and validate without errors
/// and the tree on disk must be exactly what `render` writes (stale generated files count as drift).
struct CheckCommand {
    let invocation: Invocation
    let terminal: Terminal

    /// The JSON report: `{"config", "ok", "errors", "warnings", "diagnostics", "drift": [{"path", "change"}]}`.
    struct Report: Encodable {
        struct Drift: Encodable {
            let path: String
            let change: String
        }

        let config: String
        let ok: Bool
        let errors: Int
        let warnings: Int
        let diagnostics: [ValidationReport.Entry]
        let drift: [Drift]
    }

    func run() -> Int32 {
        guard let session = ConfigSession.open(invocation, terminal) else { return ExitStatus.failure }
        let json = invocation.value("--format") == "json"
        var drift: [Report.Drift] = []
        var failure: String?
        if let stack = session.stack {
            do {
                let plan = try RenderPipeline.make(outputRoot: session.outputRoot, stack: stack).plan
                drift = plan.effective.map { change in
                    Report.Drift(
                        path: change.path,
                        change: plan.handWritten.contains(change.path) ? "hand-written" : change.kind.rawValue)
                }
            } catch {
                failure = error.message
            }
        }
        let ok = session.errorCount == 0 && drift.isEmpty && failure == nil
        if json {
            let report = Report(
                config: session.location.displayPath, ok: ok, errors: session.errorCount,
                warnings: session.warningCount,
                diagnostics: session.diagnostics.map(ValidationReport.Entry.init), drift: drift)
            terminal.output(JSONText.encode(report))
            return ok ? ExitStatus.success : ExitStatus.failure
        }
        session.printDiagnostics(terminal)
        if let failure { terminal.error(failure) }
        for entry in drift {
            terminal.diagnostic("\(entry.path): error: \(describe(entry.change)); run 'mediactl render'\n")
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
                + "\(Plural.count(drift.count, "drifted file"))\n")
        return ExitStatus.failure
    }

    private func describe(_ change: String) -> String {
        switch change {
        case "added": "missing (render would add it)"
        case "updated": "differs from what render writes"
        case "removed": "stale generated file (render would remove it)"
        case "hand-written": "a file without the generated-file marker sits at a generated path"
        default: change
        }
    }
}
