/// One option in the command table: how it is spelled, whether it takes a value, and its help.
struct OptionSpec: Hashable, Sendable {
    /// The long name with dashes, such as `--config`.
    let name: String
    /// The short name with a dash, such as `-q`, if any.
    let shortName: String?
    /// The placeholder of its value (`PATH`), or nil for a flag.
    let valueName: String?
    /// The values it accepts, or nil for any value.
    let choices: [String]?
    /// One line of help.
    let help: String
    /// What a shell should complete its value with.
    let completion: ValueCompletion

    /// What a shell completes an option's value or an argument with.
    enum ValueCompletion: Hashable, Sendable {
        /// Nothing in particular.
        case none
        /// File names.
        case file
        /// Directory names.
        case directory
        /// The option's choices.
        case choices
    }

    /// A flag (no value).
    static func flag(_ name: String, short: String? = nil, _ help: String) -> OptionSpec {
        OptionSpec(name: name, shortName: short, valueName: nil, choices: nil, help: help, completion: .none)
    }

    /// An option with a value.
    static func value(
        _ name: String, _ valueName: String, choices: [String]? = nil, completion: ValueCompletion = .none,
        _ help: String
    ) -> OptionSpec {
        OptionSpec(
            name: name, shortName: nil, valueName: valueName, choices: choices, help: help,
            completion: choices == nil ? completion : .choices)
    }

    /// How it appears in a usage line: `--config PATH`, `--color auto|always|never`, `--quiet`.
    var synopsis: String {
        guard let valueName else { return name }
        return name + " " + (choices?.joined(separator: "|") ?? valueName)
    }
}
