import Foundation
import MediaCLI
import MediaTestSupport

/// What one in-process run of the CLI returned and printed.
struct CLIRun {
    var status: Int32
    var output: String
    var error: String
}

/// Collects text written by the CLI.
final class TextSink: @unchecked Sendable {
    var text = ""
}

/// Runs `mediactl` in-process with the given arguments, working directory and environment.
func mediactl(
    _ arguments: [String], in directory: URL = Fixtures.packageRoot, environment: [String: String] = [:],
    terminal: Bool = false
) -> CLIRun {
    let output = TextSink()
    let error = TextSink()
    let context = CommandContext(
        arguments: arguments, environment: environment, currentDirectory: directory,
        standardErrorIsTerminal: terminal, writeOutput: { output.text += $0 }, writeError: { error.text += $0 })
    let status = MediaCommandLine.run(context)
    return CLIRun(status: status, output: output.text, error: error.text)
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mediactl-tests-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.resolvingSymlinksInPath()
}

/// Writes `text` to `url`, creating its folder.
func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
}
