import Foundation
import MediaConfig
import MediaImport
import MediaKit
import MediaThreads
import MediaYAML

/// A located, read, decoded and validated `mediactl.yaml`: the first stage of every command that works
/// on a config. Decoder diagnostics and validation issues are merged and sorted by position.
struct ConfigSession {
    /// Where the config is and how to name it in messages.
    let location: ConfigLocator.Location
    /// The config's text.
    let source: String
    /// What the loader returned.
    let result: ConfigLoadResult
    /// Every diagnostic: decoding and validation, sorted by position.
    let diagnostics: [Diagnostic]
    /// The root of the Flux repository, an absolute path: `--out`, or the config file's folder.
    let outputRoot: String
    /// The walk of the default generated folders under ``outputRoot``, when ``open(_:_:snapshotsOutput:)``
    /// was asked to start it.
    let snapshot: TreeSnapshot?
    /// The stack's apps, resolved once for validation and then rendered from; nil when the config did not
    /// decode.
    let resolvedApps: [ResolvedApp]?
    /// The files `mediactl import` adopted, from ``AdoptionRecord/fileName`` beside the config (empty when there is
    /// none).
    let adoption: AdoptionRecord

    /// The config's path relative to ``outputRoot``, as the Renovate preset names it; its file name when it lies
    /// outside (a repository sees only what is inside it).
    var pathInRepository: String {
        let root = outputRoot.hasSuffix("/") ? outputRoot : outputRoot + "/"
        if location.path.hasPrefix(root) { return String(location.path.dropFirst(root.count)) }
        return String(location.path.split(separator: "/").last ?? "mediactl.yaml")
    }

    /// The stack, when the config has no error.
    var stack: Stack? { diagnostics.containsErrors ? nil : result.stack }

    /// The number of errors.
    var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    /// The number of warnings.
    var warningCount: Int { diagnostics.count - errorCount }

    /// Finds, reads and checks the config, or prints why it cannot and returns nil. With `snapshotsOutput`
    /// on a machine with more than one core, it takes over the walk of the default generated folders under
    /// the output root that `main()` started (``prefetchSnapshot(arguments:currentDirectoryPath:)``), or
    /// starts one as soon as the config is found, so the disk is read while the config is decoded and
    /// checked (``RenderPipeline`` uses it when the config keeps those folders).
    static func open(_ invocation: Invocation, _ terminal: Terminal, snapshotsOutput: Bool = false) -> ConfigSession? {
        let context = terminal.context
        let location: ConfigLocator.Location
        switch ConfigLocator(context: context).locate(explicit: invocation.value("--config"))
        {
        case .success(let found): location = found
        case .failure(let failure):
            terminal.error(failure.message)
            return nil
        }
        let outputRoot = Self.outputRoot(invocation, context, location)
        let writer = FileTreeWriter(root: outputRoot)
        let snapshot =
            snapshotsOutput && Lanes.available > 1
            ? TreeSnapshot.takePrefetched(root: writer.base, directories: generatedFolders)
                ?? writer.snapshot(of: generatedFolders, inBackground: true)
            : nil
        let bytes: [UInt8]
        do throws(FileSystem.ReadFailure) {
            guard let read = try FileSystem.bytes(followingLinksAt: location.path) else {
                terminal.error("cannot read '\(location.displayPath)': no such file")
                return nil
            }
            bytes = read
        } catch {
            terminal.error("cannot read '\(location.displayPath)': \(error.message)")
            return nil
        }
        let result = ConfigLoader.load(bytes: bytes)
        var diagnostics = result.diagnostics
        var resolvedApps: [ResolvedApp]?
        if let stack = result.stack {
            let resolved = AppResolver(stack: stack).resolveAll()
            let issues = StackValidator(stack: stack).validate(resolved: resolved)
            diagnostics = (diagnostics + result.diagnostics(for: issues)).sortedByPosition()
            resolvedApps = resolved
        }
        return ConfigSession(
            location: location, source: String(decoding: bytes, as: UTF8.self), result: result,
            diagnostics: diagnostics, outputRoot: outputRoot, snapshot: snapshot, resolvedApps: resolvedApps,
            adoption: adoptionRecord(beside: location, terminal))
    }

    /// The adoption record beside the config; an unreadable one adopts nothing (every unmarked file stays
    /// protected) and is reported.
    private static func adoptionRecord(beside location: ConfigLocator.Location, _ terminal: Terminal) -> AdoptionRecord
    {
        let path = PathText.appending(AdoptionRecord.fileName, to: PathText.parent(of: location.path))
        guard let bytes = try? FileSystem.bytes(of: path) else { return AdoptionRecord() }
        let (record, problem) = AdoptionRecord.read(bytes)
        if let record { return record }
        terminal.error(
            "ignoring '\(AdoptionRecord.fileName)': \(problem?.message ?? "not an adoption record"); files it names "
                + "stay protected")
        return AdoptionRecord()
    }

    /// The folders a snapshot started before the config is read walks: the default generated folders, which
    /// most configs keep (``RenderPipeline`` walks others itself).
    private static var generatedFolders: [String] { RepoSettings().generatedFolders }

    /// The root of the Flux repository: `--out`, or the folder of the config at `location`.
    private static func outputRoot(
        _ invocation: Invocation, _ context: CommandContext, _ location: ConfigLocator.Location
    ) -> String {
        invocation.value("--out").map(context.absolutePath) ?? PathText.parent(of: location.path)
    }

    /// Starts, on another core, the snapshot that ``open(_:_:snapshotsOutput:)`` would start for `arguments`
    /// (`render`, `diff` and `check`), before the caller has read its environment and set up its streams:
    /// `open` then takes it over (``TreeSnapshot/takePrefetched(root:directories:)``). Does nothing for other
    /// commands, or when the arguments are wrong or no config is found: `open` reports that.
    static func prefetchSnapshot(arguments: [String], currentDirectoryPath: String) {
        guard Lanes.available > 1, let invocation = try? ArgumentParser().parse(arguments),
            let command = invocation.command?.name, ["render", "diff", "check"].contains(command),
            !invocation.has("--help")
        else { return }
        let context = CommandContext(
            arguments: arguments, environment: [:], currentDirectoryPath: currentDirectoryPath,
            standardErrorIsTerminal: false, writeOutput: { _ in }, writeError: { _ in })
        guard
            case .success(let location) = ConfigLocator(context: context).locate(explicit: invocation.value("--config"))
        else { return }
        let writer = FileTreeWriter(root: outputRoot(invocation, context, location))
        TreeSnapshot.prefetch(writer.snapshot(of: generatedFolders, inBackground: true))
    }

    /// The message for an app name the config does not have, with the nearest one it does.
    func unknownApp(_ name: String, in stack: Stack) -> String {
        let near = NameSuggestion.nearest(to: name, in: stack.apps.map(\.name.rawValue))
        return "no app '\(name)' in \(location.displayPath)" + (near.map { "; did you mean '\($0)'?" } ?? "")
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
