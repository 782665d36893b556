import Foundation
import MediaConfig
import MediaImport
import MediaKit
import MediaYAML

/// The first stage of every command that works on a config: `mediactl.yaml` located, read, decoded and
/// validated. Decoder diagnostics and validation issues are merged and sorted by position.
struct ConfigSession {
    /// Where the config is and how to name it in messages.
    let location: ConfigLocator.Location
    /// The config's text.
    let source: String
    /// What the loader returned.
    let result: ConfigLoadResult
    /// Every diagnostic: decoding and validation, sorted by position.
    let diagnostics: [Diagnostic]
    /// The stack's apps, resolved once to validate them and then rendered from; nil when the config did not
    /// decode.
    let resolvedApps: [ResolvedApp]?
    /// The root of the Flux repository: `--out`, or the config file's folder.
    let outputRoot: URL
    /// The files `mediactl import` adopted, from ``AdoptionRecord/fileName`` beside the config (empty when there is
    /// none).
    let adoption: AdoptionRecord

    /// The config's path relative to ``outputRoot``, as the Renovate preset names it; its file name when it lies
    /// outside (a repository sees only what is inside it).
    var pathInRepository: String {
        let root = outputRoot.path.hasSuffix("/") ? outputRoot.path : outputRoot.path + "/"
        let path = location.url.path
        if path.hasPrefix(root) { return String(path.dropFirst(root.count)) }
        return String(path.split(separator: "/").last ?? "mediactl.yaml")
    }

    /// The stack, when the config has no error.
    var stack: Stack? { diagnostics.containsErrors ? nil : result.stack }

    /// The number of errors.
    var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    /// The number of warnings.
    var warningCount: Int { diagnostics.count - errorCount }

    /// Finds, reads and checks the config, or prints why it cannot and returns nil.
    static func open(_ invocation: Invocation, _ terminal: Terminal) -> ConfigSession? {
        let location: ConfigLocator.Location
        switch ConfigLocator(context: terminal.context).locate(explicit: invocation.value("--config")) {
        case .success(let found): location = found
        case .failure(let failure):
            terminal.error(failure.message)
            return nil
        }
        do throws(FileSystem.ReadFailure) {
            guard let bytes = try FileSystem.read(location.url.path, followingLinks: true) else {
                terminal.error("cannot read '\(location.displayPath)': no such file")
                return nil
            }
            let outputRoot =
                invocation.value("--out").map(terminal.context.resolve) ?? location.url.deletingLastPathComponent()
            return ConfigSession(
                location: location, bytes: bytes, outputRoot: outputRoot,
                adoption: adoptionRecord(beside: location, terminal))
        } catch {
            terminal.error("cannot read '\(location.displayPath)': \(error.message)")
            return nil
        }
    }

    /// Decodes and validates the config `bytes` read at `location`, for the Flux repository at `outputRoot`, where
    /// `adoption` names the files `mediactl import` adopted.
    init(
        location: ConfigLocator.Location, bytes: [UInt8], outputRoot: URL, adoption: AdoptionRecord = AdoptionRecord()
    ) {
        let result = ConfigLoader.load(bytes: bytes)
        var diagnostics = result.diagnostics
        var resolvedApps: [ResolvedApp]?
        if let stack = result.stack {
            let resolved = AppResolver(stack: stack).resolveAll()
            let issues = StackValidator(stack: stack).validate(resolved: resolved)
            diagnostics = (diagnostics + result.diagnostics(for: issues)).sortedByPosition()
            resolvedApps = resolved
        }
        self.location = location
        self.source = String(decoding: bytes, as: UTF8.self)
        self.result = result
        self.diagnostics = diagnostics
        self.resolvedApps = resolvedApps
        self.outputRoot = outputRoot
        self.adoption = adoption
    }

    /// Writes `text` as the config at the absolute `path` (shown as `display`): atomically, flushed, keeping the
    /// file's permissions, and in place of a link's target inside the repository
    /// (``ConfigLocator/editablePath(of:display:)``). Prints why not and returns false when it cannot.
    static func writeConfig(_ text: String, to path: String, display: String, _ terminal: Terminal) -> Bool {
        switch ConfigLocator.editablePath(of: path, display: display) {
        case .failure(let refusal):
            terminal.error(refusal.message)
            return false
        case .success(let target):
            do {
                try AtomicFile.write(text, to: URL(fileURLWithPath: target), durable: true)
                return true
            } catch {
                terminal.error("cannot write '\(display)': \(error.reason)")
                return false
            }
        }
    }

    /// The adoption record beside the config; an unreadable one adopts nothing (every unmarked file stays
    /// protected) and is reported.
    private static func adoptionRecord(beside location: ConfigLocator.Location, _ terminal: Terminal) -> AdoptionRecord
    {
        let path = location.url.deletingLastPathComponent().appendingPathComponent(AdoptionRecord.fileName).path
        let problem: String
        do throws(FileSystem.ReadFailure) {
            guard let bytes = try FileSystem.read(path) else { return AdoptionRecord() }
            let (record, diagnostic) = AdoptionRecord.read(bytes)
            if let record { return record }
            problem = diagnostic?.message ?? "not an adoption record"
        } catch {
            problem = error.message
        }
        terminal.error("ignoring '\(AdoptionRecord.fileName)': \(problem); files it names stay protected")
        return AdoptionRecord()
    }

    /// Whether `stack` has an app of every name in `names` (command arguments); prints the first it lacks, with
    /// the nearest name it has, when not.
    func hasApps(_ names: [String], in stack: Stack, _ terminal: Terminal) -> Bool {
        guard let name = names.first(where: { stack.app(named: AppName(rawValue: $0)) == nil }) else { return true }
        let near = NameSuggestion.nearest(to: name, in: stack.apps.map(\.name.rawValue))
        terminal.error(
            "no app '\(name)' in \(location.displayPath)" + (near.map { "; did you mean '\($0)'?" } ?? ""))
        return false
    }

    /// Prints the diagnostics (errors only when quiet) with source lines and carets.
    func printDiagnostics(_ terminal: Terminal) {
        let shown = terminal.isQuiet ? diagnostics.filter { $0.severity == .error } : diagnostics
        guard !shown.isEmpty else { return }
        let formatter = DiagnosticFormatter(path: location.displayPath, source: source, usesColor: terminal.usesColor)
        terminal.diagnostic(formatter.format(shown))
    }

    /// Prints the diagnostics and returns the stack, or also a count line and nil when there are errors.
    func validStack(_ terminal: Terminal) -> Stack? {
        printDiagnostics(terminal)
        guard let stack else {
            terminal.diagnostic(
                "\(location.displayPath): \(Plural.count(errorCount, "error")), "
                    + "\(Plural.count(warningCount, "warning"))\n")
            return nil
        }
        return stack
    }
}
