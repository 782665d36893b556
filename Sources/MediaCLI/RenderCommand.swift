import Foundation
import MediaKit
import MediaRender

/// `render`, `diff` and `check` share this pipeline: config → stack → rendered files → a plan against
/// the disk. Only the last step differs.
struct RenderPipeline {
    let stack: Stack
    let files: [RenderedFile]
    let plan: TreePlan
    let writer: FileTreeWriter

    /// Runs the pipeline up to the plan, or prints why it cannot and returns nil.
    static func prepare(_ invocation: Invocation, _ terminal: Terminal) -> RenderPipeline? {
        guard let session = ConfigSession.open(invocation, terminal),
            let stack = session.validStack(terminal)
        else { return nil }
        do {
            return try make(outputRoot: session.outputRoot, stack: stack)
        } catch {
            terminal.error(error.message)
            return nil
        }
    }

    /// Renders `stack` and compares it with the disk under `outputRoot`.
    static func make(outputRoot: URL, stack: Stack) throws(FileTreeWriter.Failure) -> RenderPipeline {
        let renderer = Renderer(stack: stack)
        let files = renderer.render()
        let writer = FileTreeWriter(root: outputRoot)
        let plan = try writer.plan(files, managedDirectories: renderer.managedDirectories)
        return RenderPipeline(stack: stack, files: files, plan: plan, writer: writer)
    }

    /// Writes the plan, refusing hand-written files unless `force`. Returns the exit status.
    func write(force: Bool, _ terminal: Terminal) -> Int32 {
        if !plan.handWritten.isEmpty, !force {
            for path in plan.handWritten {
                terminal.error(
                    "refusing to overwrite '\(path)': it lacks the generated-file marker, so mediactl did not "
                        + "write it; move it away or pass --force")
            }
            return ExitStatus.failure
        }
        do {
            try writer.apply(plan)
        } catch {
            terminal.error(error.message)
            return ExitStatus.failure
        }
        return ExitStatus.success
    }
}

/// `mediactl render [--dry-run] [--force]`: writes the generated tree and prints a summary.
struct RenderCommand {
    let invocation: Invocation
    let terminal: Terminal

    func run() -> Int32 {
        guard let pipeline = RenderPipeline.prepare(invocation, terminal) else { return ExitStatus.failure }
        let plan = pipeline.plan
        if invocation.has("--dry-run") {
            for change in plan.effective {
                let note = plan.handWritten.contains(change.path) ? " (lacks the marker: needs --force)" : ""
                terminal.output(
                    "  \(change.kind.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) "
                        + "\(change.path)\(note)\n")
            }
            terminal.output("would render \(plan.summary) (dry run: nothing written)\n")
            return ExitStatus.success
        }
        let status = pipeline.write(force: invocation.has("--force"), terminal)
        guard status == ExitStatus.success else { return status }
        if !terminal.isQuiet { terminal.output("rendered \(plan.summary)\n") }
        return ExitStatus.success
    }
}
