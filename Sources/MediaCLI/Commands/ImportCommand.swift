import Foundation
import MediaImport
import MediaRender
import MediaYAML

/// `mediactl import PATH… [--dry-run] [--format text|json]`: adopts hand-written app folders into `mediactl.yaml`
/// (``RepositoryImporter`` decides everything in memory), prints the report, and writes the config and the
/// adoption record (``AdoptionRecord``) beside it; `--dry-run` prints the report and the config's diff instead.
struct ImportCommand {
    /// The parsed command line.
    let invocation: Invocation
    /// Where output goes.
    let terminal: Terminal

    /// Runs the command; returns the exit status.
    func run() -> Int32 {
        let context = terminal.context
        let config = configLocation()
        let root =
            invocation.value("--out").map { context.resolve($0).path }
            ?? URL(fileURLWithPath: config.path).deletingLastPathComponent().path
        var roots: [String] = []
        for argument in invocation.arguments {
            let absolute = context.resolve(argument).path
            if absolute == root {
                terminal.error("give the namespace or app folders to import, not the repository root")
                return ExitStatus.failure
            }
            guard absolute.hasPrefix(root + "/") || root == "/" else {
                terminal.error(
                    "'\(argument)' is outside the repository root '\(root)'; run import from the repository, or "
                        + "pass --out")
                return ExitStatus.failure
            }
            var relative = String(absolute.dropFirst(root == "/" ? 1 : root.count + 1))
            while relative.hasSuffix("/") { relative.removeLast() }
            if relative.isEmpty {
                terminal.error("give the namespace or app folders to import, not the repository root")
                return ExitStatus.failure
            }
            if !roots.contains(relative) { roots.append(relative) }
        }
        let existing: String?
        do throws(FileSystem.ReadFailure) {
            existing = try FileSystem.read(config.path, followingLinks: true).map {
                String(decoding: $0, as: UTF8.self)
            }
        } catch {
            terminal.error("cannot read '\(config.display)': \(error.message)")
            return ExitStatus.failure
        }
        let source: ImportSource
        do throws(ImportFolderReader.Failure) {
            source = try ImportFolderReader(root: root).read(roots: roots)
        } catch {
            terminal.error(error.message)
            return ExitStatus.failure
        }
        let result = RepositoryImporter(source: source, config: existing.map { (config.display, $0) }).run()
        guard result.errors.isEmpty else {
            printErrors(result.errors, source: source, config: existing.map { (config.display, $0) })
            terminal.diagnostic("import: \(Plural.count(result.errors.count, "error")); nothing written\n")
            return ExitStatus.failure
        }
        let dryRun = invocation.has("--dry-run")
        let diff =
            result.configText.map {
                UnifiedDiff(oldName: config.display, newName: config.display).text(from: existing, to: $0)
            } ?? ""
        if invocation.value("--format") == "json" {
            terminal.output(JSONText.encode(ImportJSON(result, configPath: config.display, diff: dryRun ? diff : nil)))
        } else if !terminal.isQuiet || dryRun {
            terminal.output(result.report.text)
            if dryRun { terminal.output(diff.isEmpty ? "\n\(config.display) would not change\n" : "\n" + diff) }
        }
        guard !dryRun, let text = result.configText else { return ExitStatus.success }
        let recordPath = URL(fileURLWithPath: config.path).deletingLastPathComponent()
            .appendingPathComponent(AdoptionRecord.fileName).path
        var record = result.record
        // The record is mediactl's file: one that is not (no marker, a link, a special file) is the user's.
        do throws(FileSystem.ReadFailure) {
            if let bytes = try FileSystem.read(recordPath) {
                guard MediaRender.isGenerated(bytes, path: AdoptionRecord.fileName) else {
                    throw .system("its first line is not the generated-file marker, so mediactl did not write it")
                }
                if let earlier = AdoptionRecord.read(bytes).record { record = earlier.merging(record) }
            }
        } catch {
            terminal.error(
                "refusing to replace '\(AdoptionRecord.fileName)': \(error.message); move it away; nothing written")
            return ExitStatus.failure
        }
        guard ConfigSession.writeConfig(text, to: config.path, display: config.display, terminal) else {
            return ExitStatus.failure
        }
        do {
            try AtomicFile.write(record.text, to: URL(fileURLWithPath: recordPath), durable: true)
        } catch {
            terminal.error("cannot write '\(AdoptionRecord.fileName)': \(error.reason)")
            return ExitStatus.failure
        }
        if !terminal.isQuiet, invocation.value("--format") != "json" {
            terminal.output(
                "\nwrote \(config.display) and \(AdoptionRecord.fileName); next: 'mediactl diff' to review, then "
                    + "'mediactl render'\n")
        }
        return ExitStatus.success
    }

    /// The config to extend or write: `--config` (a file, or a folder for `mediactl.yaml` in it), else the one found
    /// from the working directory, else `mediactl.yaml` in the working directory.
    private func configLocation() -> (path: String, display: String) {
        let context = terminal.context
        if let explicit = invocation.value("--config") {
            let path = context.resolve(explicit).path
            let display = DiagnosticFormatter.escaped(explicit)
            if FileSystem.kind(followingLinksAt: path) == .directory {
                return (
                    URL(fileURLWithPath: path).appendingPathComponent(ConfigLocator.fileName).path,
                    (display.hasSuffix("/") ? display : display + "/") + ConfigLocator.fileName
                )
            }
            return (path, display)
        }
        if case .success(let location) = ConfigLocator(context: context).locate(explicit: nil) {
            return (location.url.path, location.displayPath)
        }
        return (context.currentDirectory.appendingPathComponent(ConfigLocator.fileName).path, ConfigLocator.fileName)
    }

    /// Prints errors with the line of the file they are in and a caret.
    private func printErrors(_ errors: [ImportDiagnostic], source: ImportSource, config: (String, String)?) {
        for error in errors {
            let text: String
            if let config, error.path == config.0 {
                text = config.1
            } else {
                text = source.files[error.path].map { String(decoding: $0, as: UTF8.self) } ?? ""
            }
            let formatter = DiagnosticFormatter(path: error.path, source: text, usesColor: terminal.usesColor)
            terminal.diagnostic(formatter.format(error.diagnostic))
        }
    }
}

/// The report of `import --format json`.
private struct ImportJSON: Encodable {
    struct Place: Encodable {
        let path: String
        let line: Int?
        let column: Int?
        let severity: String
        let message: String

        init(_ diagnostic: ImportDiagnostic) {
            path = diagnostic.path
            line = diagnostic.diagnostic.position?.line
            column = diagnostic.diagnostic.position?.column
            severity = diagnostic.diagnostic.severity.rawValue
            message = diagnostic.diagnostic.message
        }
    }

    struct App: Encodable {
        let name: String
        let namespace: String
        let folder: String
        let outcome: String
        let keys: [String]
        let values: [String]
        let kept: [String]
        let adopted: [String]
        let unlisted: [String]
        let added: [String]
        let reasons: [Place]
        let warnings: [Place]
    }

    let apps: [App]
    let settings: [String]
    let config: String
    let configChanges: Bool
    let adoptedFiles: Int
    let diff: String?

    init(_ result: ImportResult, configPath: String, diff: String?) {
        apps = result.report.apps.map { app in
            App(
                name: app.name, namespace: app.namespace, folder: app.folder, outcome: app.outcome.rawValue,
                keys: app.keys, values: app.values, kept: app.kept, adopted: app.adopted, unlisted: app.unlisted,
                added: app.added, reasons: app.reasons.map(Place.init), warnings: app.warnings.map(Place.init))
        }
        settings = result.report.settings
        config = configPath
        configChanges = result.configText != nil
        adoptedFiles = result.record.files.count
        self.diff = diff
    }
}
