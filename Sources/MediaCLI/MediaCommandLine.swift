import Foundation
import MediaKit

/// The `mediactl` command line. ``run(_:)`` returns an exit status and never exits; only
/// `main.swift` does.
public enum MediaCommandLine {
    /// Runs with the process's arguments, environment and standard streams.
    public static func main() -> Int32 {
        let context = CommandContext(
            arguments: Array(CommandLine.arguments.dropFirst()),
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
            standardErrorIsTerminal: isatty(STDERR_FILENO) == 1,
            writeOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
            writeError: { FileHandle.standardError.write(Data($0.utf8)) })
        return run(context)
    }

    /// Parses the arguments and runs the command.
    public static func run(_ context: CommandContext) -> Int32 {
        let invocation: Invocation
        do {
            invocation = try ArgumentParser().parse(context.arguments)
        } catch {
            let hint = error.command.map { "mediactl help \($0)" } ?? "mediactl help"
            context.writeError("mediactl: error: \(error.message)\nRun '\(hint)' for usage.\n")
            return ExitStatus.usage
        }
        let terminal = Terminal(context: context, invocation: invocation)
        guard let command = invocation.command else {
            if invocation.has("--version") {
                terminal.output("mediactl \(CommandTable.version) (catalog as of \(Catalog.checkedOn))\n")
            } else {
                terminal.output(HelpFormatter.overview())
            }
            return ExitStatus.success
        }
        if invocation.has("--help") {
            terminal.output(HelpFormatter.help(for: command))
            return ExitStatus.success
        }
        switch command.name {
        case "help":
            guard let name = invocation.arguments.first else {
                terminal.output(HelpFormatter.overview())
                return ExitStatus.success
            }
            guard let topic = CommandTable.command(named: name) else {
                let names = CommandTable.commands.map(\.name)
                let near = NameSuggestion.nearest(to: name, in: names).map { "; did you mean '\($0)'?" } ?? ""
                context.writeError(
                    "mediactl: error: unknown command '\(name)'\(near)\nRun 'mediactl help' for usage.\n")
                return ExitStatus.usage
            }
            terminal.output(HelpFormatter.help(for: topic))
            return ExitStatus.success
        case "completion":
            terminal.output(CompletionScript.script(for: invocation.arguments[0]) ?? "")
            return ExitStatus.success
        case "validate":
            return ValidateCommand(invocation: invocation, terminal: terminal).run()
        case "render":
            return RenderCommand(invocation: invocation, terminal: terminal).run()
        case "diff":
            return DiffCommand(invocation: invocation, terminal: terminal).run()
        case "check":
            return CheckCommand(invocation: invocation, terminal: terminal).run()
        case "init":
            return InitCommand(invocation: invocation, terminal: terminal).run()
        case "import":
            return ImportCommand(invocation: invocation, terminal: terminal).run()
        case "explain":
            return ExplainCommand(invocation: invocation, terminal: terminal).run()
        case "graph":
            return GraphCommand(invocation: invocation, terminal: terminal).run()
        case "catalog":
            return CatalogCommand(invocation: invocation, terminal: terminal).run()
        case "schema":
            return SchemaCommand(invocation: invocation, terminal: terminal).run()
        case "pin":
            return PinCommand(invocation: invocation, terminal: terminal).run()
        case "enable", "disable":
            return ToggleCommand(invocation: invocation, terminal: terminal, enabling: command.name == "enable").run()
        default:
            terminal.error(
                "'\(command.name)' is not implemented yet; it arrives with \(command.arrivesWith ?? "a later issue") "
                    + "(see 'mediactl help \(command.name)')")
            return ExitStatus.failure
        }
    }
}
