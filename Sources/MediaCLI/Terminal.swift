import MediaYAML

/// Output helpers bound to a ``CommandContext``: errors and notes in the project's style, colour
/// as `--color` and `NO_COLOR` decide.
struct Terminal {
    let context: CommandContext
    /// Whether stderr gets ANSI colours.
    let usesColor: Bool
    /// Whether only errors are printed.
    let isQuiet: Bool

    init(context: CommandContext, invocation: Invocation) {
        self.context = context
        isQuiet = invocation.has("--quiet")
        switch invocation.value("--color") ?? "auto" {
        case "always": usesColor = true
        case "never": usesColor = false
        default:
            let noColor = !(context.environment["NO_COLOR"] ?? "").isEmpty
            usesColor = context.standardErrorIsTerminal && !noColor && context.environment["TERM"] != "dumb"
        }
    }

    /// Prints requested output to stdout.
    func output(_ text: String) { context.writeOutput(text) }

    /// Prints text to stderr.
    func diagnostic(_ text: String) { context.writeError(text) }

    /// Prints `mediactl: warning: message` to stderr, with control characters from user values escaped.
    func warning(_ message: String) {
        let label = usesColor ? "\u{1B}[1;33mwarning:\u{1B}[0m" : "warning:"
        context.writeError("mediactl: \(label) \(DiagnosticFormatter.escaped(message))\n")
    }

    /// Prints `mediactl: error: message` to stderr, with control characters from user values escaped.
    func error(_ message: String) {
        let label = usesColor ? "\u{1B}[1;31merror:\u{1B}[0m" : "error:"
        context.writeError("mediactl: \(label) \(DiagnosticFormatter.escaped(message))\n")
    }
}
