import MediaKit
import MediaRender

/// `mediactl graph [--format mermaid|dot]`: the stack as a diagram, the same one the runbooks embed
/// (there per namespace, here for the whole file).
struct GraphCommand {
    let invocation: Invocation
    let terminal: Terminal

    func run() -> Int32 {
        guard let session = ConfigSession.open(invocation, terminal), let stack = session.validStack(terminal)
        else { return ExitStatus.failure }
        let format = invocation.value("--format").flatMap(StackDiagram.Format.init(rawValue:)) ?? .mermaid
        let apps = AppResolver(stack: stack).resolveAll()
        terminal.output(StackDiagram(apps: apps, stack: stack).text(format))
        return ExitStatus.success
    }
}
