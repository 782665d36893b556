import Foundation
import MediaImport
import MediaKit
import MediaRender
import MediaThreads

/// `render`, `diff` and `check` share this pipeline: config → stack → rendered files → a plan against
/// the disk. Only the last step differs.
struct RenderPipeline {
    /// What writing the rendered tree would change.
    let plan: TreePlan
    /// Writes ``plan`` under the output root.
    let writer: FileTreeWriter

    /// Runs the pipeline up to the plan, or prints why it cannot and returns nil.
    static func prepare(_ invocation: Invocation, _ terminal: Terminal) -> RenderPipeline? {
        guard let session = ConfigSession.open(invocation, terminal, snapshotsOutput: true),
            let stack = session.validStack(terminal)
        else { return nil }
        ProcessLifetime.keep(session)
        do {
            let pipeline = try make(
                outputRoot: session.outputRoot, stack: stack, configPath: session.pathInRepository,
                snapshot: session.snapshot, resolvedApps: session.resolvedApps, adoption: session.adoption)
            ProcessLifetime.keep(pipeline)
            return pipeline
        } catch {
            terminal.error(error.message)
            return nil
        }
    }

    /// Renders `stack`, whose config is at `configPath` relative to `outputRoot`, and compares it with the disk
    /// under `outputRoot`. `snapshot` is a walk of the output
    /// started earlier (``ConfigSession/snapshot``); it is used when it walked the stack's generated folders under the same root.
    /// `resolvedApps` are the stack's apps when already resolved (``ConfigSession/resolvedApps``).
    /// `adoption` names the files `mediactl import` adopted (``ConfigSession/adoption``).
    static func make(
        outputRoot: String, stack: Stack, configPath: String, snapshot started: TreeSnapshot? = nil,
        resolvedApps: [ResolvedApp]? = nil, adoption: AdoptionRecord = AdoptionRecord()
    ) throws(FileTreeWriter.Failure) -> RenderPipeline {
        let renderer = Renderer(stack: stack, resolvedApps: resolvedApps, configPath: configPath)
        let lanes = Lanes.available
        let writer = FileTreeWriter(root: outputRoot, adoption: adoption)
        // The disk is read while the tree renders (or, from `snapshot`, since the config was found): decoding
        // and the layout run on one core and leave the others idle.
        let snapshot =
            started.flatMap { $0.root == writer.base && $0.directories == renderer.managedDirectories ? $0 : nil }
            ?? writer.snapshot(of: renderer.managedDirectories, inBackground: lanes > 1)
        let files = renderer.render(lanes: lanes)
        let plan = try writer.plan(
            files, managedDirectories: renderer.managedDirectories, lanes: lanes, snapshot: snapshot)
        return RenderPipeline(plan: plan, writer: writer)
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
