import MediaRender

/// `mediactl diff`: what `render` would change, as a unified diff; exit 1 when anything differs.
struct DiffCommand {
    let invocation: Invocation
    let terminal: Terminal

    func run() -> Int32 {
        guard let pipeline = RenderPipeline.run(invocation, terminal) else { return ExitStatus.failure }
        let changes = pipeline.plan.effective
        for change in changes {
            let diff = UnifiedDiff(
                oldName: change.old == nil ? "/dev/null" : "a/\(change.path)",
                newName: change.new == nil ? "/dev/null" : "b/\(change.path)")
            terminal.output(diff.text(from: change.old, to: change.new))
        }
        if !changes.isEmpty, !terminal.isQuiet {
            terminal.diagnostic("\(Plural.count(changes.count, "file")) would change; run 'mediactl render'\n")
        }
        return changes.isEmpty ? ExitStatus.success : ExitStatus.failure
    }
}
