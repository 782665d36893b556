import Foundation

/// `mediactl render [--dry-run] [--force]`: writes the generated tree and prints a summary.
struct RenderCommand {
    let invocation: Invocation
    let terminal: Terminal

    func run() -> Int32 {
        guard let pipeline = RenderPipeline.run(invocation, terminal) else { return ExitStatus.failure }
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
