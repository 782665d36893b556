import MediaKit

/// Parses command-line arguments against ``CommandTable``. Global options may come before or after
/// the command; `--name=value` and `--name value` both work; `--` ends options.
struct ArgumentParser {
    /// Parses `arguments` (without the program name).
    func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
        var invocation = Invocation()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let token = arguments[index]
            index += 1
            if !optionsEnded, token == "--" {
                optionsEnded = true
                continue
            }
            if !optionsEnded, token.hasPrefix("-"), token.count > 1 {
                let (name, inlineValue) = split(token)
                let option = try lookUp(name, in: invocation.command)
                if let valueName = option.valueName {
                    let value: String
                    if let inlineValue {
                        value = inlineValue
                    } else if index < arguments.count {
                        value = arguments[index]
                        index += 1
                    } else {
                        throw UsageError(
                            message: "option '\(option.name)' needs a value (\(valueName))",
                            command: invocation.command?.name)
                    }
                    if let choices = option.choices, !choices.contains(value) {
                        throw UsageError(
                            message: "invalid value '\(value)' for '\(option.name)'; expected one of "
                                + choices.joined(separator: ", ") + suggestion(for: value, in: choices),
                            command: invocation.command?.name)
                    }
                    invocation.options[option.name] = value
                } else {
                    if inlineValue != nil {
                        throw UsageError(
                            message: "option '\(option.name)' takes no value", command: invocation.command?.name)
                    }
                    invocation.options[option.name] = ""
                }
                continue
            }
            if invocation.command == nil {
                guard let command = CommandTable.command(named: token) else {
                    throw UsageError(
                        message: "unknown command '\(token)'"
                            + suggestion(for: token, in: CommandTable.commands.map(\.name)),
                        command: nil)
                }
                invocation.command = command
            } else {
                invocation.arguments.append(token)
            }
        }
        if let command = invocation.command {
            try checkArguments(invocation.arguments, of: command, helpRequested: invocation.has("--help"))
        }
        return invocation
    }

    private func split(_ token: String) -> (String, String?) {
        guard token.hasPrefix("--"), let equals = token.firstIndex(of: "=") else { return (token, nil) }
        return (String(token[..<equals]), String(token[token.index(after: equals)...]))
    }

    private func lookUp(_ name: String, in command: CommandSpec?) throws(UsageError) -> OptionSpec {
        let candidates = (command?.options ?? []) + CommandTable.globalOptions
        if let option = candidates.first(where: { $0.name == name || $0.shortName == name }) { return option }
        let place = command.map { " for '\($0.name)'" } ?? ""
        var message = "unknown option '\(name)'\(place)"
        let names = candidates.map(\.name)
        if let near = NameSuggestion.nearest(to: name, in: names) {
            message += "; did you mean '\(near)'?"
        } else if command == nil,
            let owner = CommandTable.commands.first(where: { $0.options.contains { $0.name == name } })
        {
            message += "; it is an option of '\(owner.name)'"
        }
        throw UsageError(message: message, command: command?.name)
    }

    private func checkArguments(_ arguments: [String], of command: CommandSpec, helpRequested: Bool) throws(UsageError)
    {
        if helpRequested { return }
        if !command.accepts(argumentCount: arguments.count) {
            let expected: String
            switch command.arguments {
            case .none: expected = "no arguments"
            case .one(let name): expected = "exactly one \(name)"
            case .optional(let name): expected = "at most one \(name)"
            case .oneOrMore(let name): expected = "at least one \(name)"
            case .any: expected = "any number of arguments"
            }
            let found = arguments.isEmpty ? "none" : arguments.map { "'\($0)'" }.joined(separator: ", ")
            throw UsageError(message: "'\(command.name)' takes \(expected), found \(found)", command: command.name)
        }
        if let choices = command.argumentChoices, let argument = arguments.first, !choices.contains(argument) {
            throw UsageError(
                message:
                    "unknown \(command.argumentSynopsis ?? "argument") '\(argument)' for '\(command.name)'; expected one of "
                    + choices.joined(separator: ", ") + suggestion(for: argument, in: choices),
                command: command.name)
        }
    }

    private func suggestion(for input: String, in candidates: [String]) -> String {
        NameSuggestion.nearest(to: input, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
