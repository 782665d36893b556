/// A mistake in the command line: exit status 64, the message on stderr, a hint to `help`.
struct UsageError: Error, Equatable {
    /// What is wrong, in the project's error style, with a suggestion when one is likely.
    let message: String
    /// The command whose help the hint points to, if any.
    let command: String?
}
