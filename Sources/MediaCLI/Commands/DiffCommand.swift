import MediaRender
import MediaYAML

/// `mediactl diff`: what `render` would change, as a unified diff; exit 1 when anything differs.
struct DiffCommand {
    let invocation: Invocation
    let terminal: Terminal

    func run() -> Int32 {
        guard let pipeline = RenderPipeline.run(invocation, terminal) else { return ExitStatus.failure }
        let changes = pipeline.plan.effective
        for change in changes {
            // The plan keeps no old text: each file is read again as it is printed.
            var old: String?
            if change.kind != .add {
                do throws(FileSystem.ReadFailure) {
                    old = try pipeline.writer.read(change.path).map { String(decoding: $0, as: UTF8.self) }
                } catch {
                    terminal.diagnostic(
                        DiagnosticFormatter.escaped("\(change.path): not shown: \(error.message)") + "\n")
                    continue
                }
            }
            let diff = UnifiedDiff(
                oldName: change.kind == .add ? "/dev/null" : "a/\(change.path)",
                newName: change.new == nil ? "/dev/null" : "b/\(change.path)")
            terminal.output(diff.text(from: old, to: change.new))
            if let handWritten = change.handWritten {
                terminal.diagnostic(
                    DiagnosticFormatter.escaped(
                        "\(change.path): \(handWritten.reason); render replaces it only with --force") + "\n")
            }
        }
        for temporary in pipeline.plan.inProgress {
            terminal.diagnostic(
                "\(DiagnosticFormatter.escaped(temporary.path)): \(TreePlan.inProgressNote(temporary.owner))\n")
        }
        let count = changes.count + pipeline.plan.inProgress.count
        if count > 0, !terminal.isQuiet {
            terminal.diagnostic("\(Plural.count(count, "file")) would change; run 'mediactl render'\n")
        }
        return count == 0 ? ExitStatus.success : ExitStatus.failure
    }
}
