/// A parsed command line: the command (nil when only global options were given), the options by
/// long name (flags map to an empty string), and the positional arguments.
struct Invocation: Equatable {
    /// The command, if one was named.
    var command: CommandSpec?
    /// Options by long name; a flag's value is the empty string. A repeated option keeps its last value.
    var options: [String: String] = [:]
    /// Positional arguments in order.
    var arguments: [String] = []

    /// Whether the flag or option `name` was given.
    func has(_ name: String) -> Bool { options[name] != nil }

    /// The value of option `name`, if given.
    func value(_ name: String) -> String? { options[name] }
}
