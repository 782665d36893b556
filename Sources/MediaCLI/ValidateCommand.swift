import Foundation
import MediaConfig
import MediaYAML

/// `mediactl validate`: reads and decodes the config, prints every diagnostic, exits 1 on errors.
struct ValidateCommand {
    let invocation: Invocation
    let terminal: Terminal

    func run() -> Int32 {
        let locator = ConfigLocator(currentDirectory: terminal.context.currentDirectory)
        let location: ConfigLocator.Location
        switch locator.locate(explicit: invocation.value("--config")) {
        case .success(let found): location = found
        case .failure(let failure):
            terminal.error(failure.message)
            return ExitStatus.failure
        }
        let bytes: Data
        do {
            bytes = try Data(contentsOf: location.url)
        } catch {
            terminal.error("cannot read '\(location.displayPath)': \(error.localizedDescription)")
            return ExitStatus.failure
        }
        let result = ConfigLoader.load(bytes: bytes)
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors
        if invocation.value("--format") == "json" {
            terminal.output(ValidationReport(path: location.displayPath, result: result).json())
            return errors > 0 ? ExitStatus.failure : ExitStatus.success
        }
        let shown = terminal.isQuiet ? result.diagnostics.filter { $0.severity == .error } : result.diagnostics
        if !shown.isEmpty {
            let source = String(decoding: bytes, as: UTF8.self)
            let formatter = DiagnosticFormatter(
                path: location.displayPath, source: source, usesColor: terminal.usesColor)
            terminal.diagnostic(formatter.format(shown))
        }
        if errors > 0 {
            terminal.diagnostic("\(location.displayPath): \(count(errors, "error")), \(count(warnings, "warning"))\n")
            return ExitStatus.failure
        }
        if !terminal.isQuiet, let stack = result.stack {
            let enabled = stack.apps.filter(\.enabled).count
            let warningNote = warnings > 0 ? ", \(count(warnings, "warning"))" : ""
            terminal.output(
                "\(location.displayPath): valid (\(count(stack.apps.count, "app")), \(enabled) enabled\(warningNote))\n"
            )
        }
        return ExitStatus.success
    }

    private func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
