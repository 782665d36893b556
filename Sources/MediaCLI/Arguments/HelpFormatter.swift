/// The text of `mediactl --help` and `mediactl help COMMAND`, built from ``CommandTable``.
enum HelpFormatter {
    /// The overview: usage, commands, global options.
    static func overview() -> String {
        var text = """
            mediactl \(CommandTable.version): one mediactl.yaml → the Flux manifests of a self-hosted media stack

            USAGE: mediactl [GLOBAL OPTIONS] COMMAND [OPTIONS] [ARGUMENTS]

            COMMANDS:

            """
        let width = CommandTable.commands.map(\.name.count).max() ?? 0
        for command in CommandTable.commands {
            let status = command.isImplemented ? "" : " (not implemented yet)"
            text += "  " + pad(command.name, width) + "  " + command.summary + status + "\n"
        }
        text += "\nGLOBAL OPTIONS:\n" + optionList(CommandTable.globalOptions)
        text += "\nRun 'mediactl help COMMAND' for a command's options.\n"
        return text
    }

    /// The help of one command.
    static func help(for command: CommandSpec) -> String {
        var usage = "mediactl \(command.name)"
        for option in command.options { usage += " [\(option.synopsis)]" }
        if let arguments = command.argumentSynopsis {
            usage += " " + (command.argumentChoices.map { $0.joined(separator: "|") } ?? arguments)
        }
        var text = "USAGE: \(usage)\n\n" + wrap(command.details, width: 100) + "\n"
        if !command.isImplemented {
            text +=
                "\nStatus: not implemented yet (arrives with \(command.arrivesWith ?? "a later issue")); "
                + "running it exits with status 1.\n"
        }
        if !command.options.isEmpty { text += "\nOPTIONS:\n" + optionList(command.options) }
        text += "\nGLOBAL OPTIONS:\n" + optionList(CommandTable.globalOptions)
        return text
    }

    private static func optionList(_ options: [OptionSpec]) -> String {
        let labels = options.map { option in
            (option.shortName.map { $0 + ", " } ?? "    ") + option.synopsis
        }
        let width = labels.map(\.count).max() ?? 0
        return zip(labels, options).map { "  " + pad($0, width) + "  " + $1.help + "\n" }.joined()
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
