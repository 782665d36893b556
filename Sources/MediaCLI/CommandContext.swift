import Foundation

/// Everything a command sees of the world: arguments, environment, working directory, and where its
/// output goes. Tests build one in memory; ``MediaCommandLine/main()`` builds the real one.
public struct CommandContext {
    /// The arguments after the program name.
    public var arguments: [String]
    /// The environment variables.
    public var environment: [String: String]
    /// The working directory, an absolute path; relative paths are resolved against it.
    public var currentDirectoryPath: String
    /// Whether stderr is a terminal (colour in `--color auto`).
    public var standardErrorIsTerminal: Bool
    /// Receives what goes to stdout.
    public var writeOutput: (String) -> Void
    /// Receives what goes to stderr.
    public var writeError: (String) -> Void

    /// Creates a context.
    public init(
        arguments: [String], environment: [String: String], currentDirectoryPath: String,
        standardErrorIsTerminal: Bool, writeOutput: @escaping (String) -> Void,
        writeError: @escaping (String) -> Void
    ) {
        self.arguments = arguments
        self.environment = environment
        self.currentDirectoryPath = PathText.absolute(currentDirectoryPath, in: "/")
        self.standardErrorIsTerminal = standardErrorIsTerminal
        self.writeOutput = writeOutput
        self.writeError = writeError
    }

    /// Creates a context whose working directory is the file URL `currentDirectory`.
    public init(
        arguments: [String], environment: [String: String], currentDirectory: URL, standardErrorIsTerminal: Bool,
        writeOutput: @escaping (String) -> Void, writeError: @escaping (String) -> Void
    ) {
        self.init(
            arguments: arguments, environment: environment, currentDirectoryPath: currentDirectory.path,
            standardErrorIsTerminal: standardErrorIsTerminal, writeOutput: writeOutput, writeError: writeError)
    }

    /// The working directory as a file URL.
    public var currentDirectory: URL { URL(fileURLWithPath: currentDirectoryPath, isDirectory: true) }
}

extension CommandContext {
    /// `path` as an absolute path: as given when absolute, else below the working directory; `.` and `..`
    /// parts are resolved by the text (``PathText/absolute(_:in:)``).
    func absolutePath(_ path: String) -> String { PathText.absolute(path, in: currentDirectoryPath) }

    /// `path` as an absolute file URL (see ``absolutePath(_:)``).
    func resolve(_ path: String) -> URL { URL(fileURLWithPath: absolutePath(path)) }
}
