import Foundation

/// Everything a command sees of the world: arguments, environment, working directory, and where its
/// output goes. Tests build one in memory; ``MediaCommandLine/main()`` builds the real one.
public struct CommandContext {
    /// The arguments after the program name.
    public var arguments: [String]
    /// The environment variables.
    public var environment: [String: String]
    /// The working directory; relative paths are resolved against it.
    public var currentDirectory: URL
    /// Whether stderr is a terminal (colour in `--color auto`).
    public var standardErrorIsTerminal: Bool
    /// Receives what goes to stdout.
    public var writeOutput: (String) -> Void
    /// Receives what goes to stderr.
    public var writeError: (String) -> Void

    /// Creates a context.
    public init(
        arguments: [String], environment: [String: String], currentDirectory: URL, standardErrorIsTerminal: Bool,
        writeOutput: @escaping (String) -> Void, writeError: @escaping (String) -> Void
    ) {
        self.arguments = arguments
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.standardErrorIsTerminal = standardErrorIsTerminal
        self.writeOutput = writeOutput
        self.writeError = writeError
    }

    /// `path` as an absolute file URL: as given when absolute, else below the working directory; `.` and `..`
    /// parts are resolved by the text, no link is followed.
    func resolve(_ path: String) -> URL {
        let base = URL(fileURLWithPath: currentDirectory.path, isDirectory: true)
        return URL(fileURLWithPath: path, relativeTo: base).absoluteURL.standardizedFileURL
    }
}
