import Foundation
import MediaImport
import MediaKit
import MediaRender

/// What `render`, `diff`, `check`, `enable` and `disable` do with a config, one stage after another; they
/// differ only in what they do with the plan at the end:
///
/// ```
/// mediactl.yaml ─ ConfigSession ──▶ Stack + [Diagnostic]   (decoded and validated)
///               ─ AppResolver ────▶ [ResolvedApp]          (resolved once: validated, then rendered)
///               ─ Renderer ───────▶ FluxLayout             (typed manifests by path)
///               ─ YAMLEmitter ────▶ [RenderedFile]         (text, sorted by path bytes)
/// output root   ─ OutputTree ─────▶ the generated folders as they are on disk
///               ─ FileTreeWriter ─▶ TreePlan ─▶ write (render) | unified diff (diff) | drift (check)
/// ```
///
/// Every stage before the plan works in memory. The output tree is read on a thread of its own while the
/// stack renders (``Background``); ``OutputTree`` and ``FileTreeWriter`` are the only
/// code that reads or writes it.
struct RenderPipeline {
    /// Its apps with every default applied.
    let apps: [ResolvedApp]
    /// What render writes, sorted by path bytes.
    let files: [RenderedFile]
    /// What writing ``files`` under the output root would change.
    let plan: TreePlan
    /// Writes ``plan`` under the output root.
    let writer: FileTreeWriter

    /// Runs every stage from the config to the plan, or prints why it cannot and returns nil.
    static func run(_ invocation: Invocation, _ terminal: Terminal) -> RenderPipeline? {
        guard let session = ConfigSession.open(invocation, terminal), let stack = session.validStack(terminal)
        else { return nil }
        do {
            return try RenderPipeline(
                stack: stack, apps: session.resolvedApps, outputRoot: session.outputRoot,
                configPath: session.pathInRepository, adoption: session.adoption)
        } catch {
            terminal.error(error.message)
            return nil
        }
    }

    /// Renders `stack`, whose config is at `configPath` relative to `outputRoot`, and plans writing it under
    /// `outputRoot`. `apps` are the stack's resolved apps, when the caller has them
    /// (``ConfigSession/resolvedApps``); `adoption` names the files `mediactl import` adopted
    /// (``ConfigSession/adoption``).
    init(
        stack: Stack, apps: [ResolvedApp]? = nil, outputRoot: URL, configPath: String,
        adoption: AdoptionRecord = AdoptionRecord()
    ) throws(FileTreeWriter.Failure) {
        let root = outputRoot.path
        let folders = stack.repo.generatedFolders
        let outside = [stack.repo.renovatePreset, stack.repo.schema].compactMap { $0 }
        let schema = stack.repo.schema != nil
        let tree = Background { () -> OutputTree in
            let tree = OutputTree(root: root, folders: folders, outside: outside)
            // The reader's thread has time to spare while this one renders: it also builds the config's JSON Schema
            // text, a constant the renderer needs last (the first use of the static builds it; a later one waits).
            if schema { _ = ConfigSchemaFile.text }
            return tree
        }
        let apps = apps ?? AppResolver(stack: stack).resolveAll()
        let renderer = Renderer(stack: stack, resolvedApps: apps, configPath: configPath)
        let layout = renderer.layout()
        let files = renderer.renderedFiles(of: layout)
        let writer = FileTreeWriter(root: outputRoot, adoption: adoption)
        self.apps = apps
        self.files = files
        self.plan = try writer.plan(files, against: tree.value)
        self.writer = writer
    }

    /// Writes the plan, refusing hand-written files unless `force`. Returns the exit status.
    func write(force: Bool, _ terminal: Terminal) -> Int32 {
        let handWritten = plan.changes.filter { $0.handWritten != nil }
        if !handWritten.isEmpty, !force {
            for change in handWritten {
                terminal.error(
                    "refusing to overwrite '\(change.path)': \(change.handWritten?.reason ?? ""); move it away or "
                        + "pass --force")
            }
            return ExitStatus.failure
        }
        do {
            try writer.apply(plan)
        } catch {
            terminal.error(error.message)
            return ExitStatus.failure
        }
        for temporary in plan.inProgress {
            terminal.warning("leaving '\(temporary.path)': \(TreePlan.inProgressNote(temporary.owner))")
        }
        return ExitStatus.success
    }
}
