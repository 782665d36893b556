import Foundation
import MediaConfig
import MediaYAML

/// `mediactl validate`: reads, decodes and validates the config, prints every diagnostic, exits 1 on errors.
struct ValidateCommand {
    let invocation: Invocation
    let terminal: Terminal

    func run() -> Int32 {
        guard let session = ConfigSession.open(invocation, terminal) else { return ExitStatus.failure }
        if invocation.value("--format") == "json" {
            terminal.output(
                ValidationReport(path: session.location.displayPath, diagnostics: session.diagnostics).json())
            return session.errorCount > 0 ? ExitStatus.failure : ExitStatus.success
        }
        guard let stack = session.validStack(terminal) else { return ExitStatus.failure }
        if !terminal.isQuiet {
            let enabled = stack.apps.filter(\.enabled).count
            let warnings = session.warningCount > 0 ? ", \(Plural.count(session.warningCount, "warning"))" : ""
            terminal.output(
                "\(session.location.displayPath): valid (\(Plural.count(stack.apps.count, "app")), "
                    + "\(enabled) enabled\(warnings))\n")
        }
        return ExitStatus.success
    }
}
