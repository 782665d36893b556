import Foundation
import MediaRender
import MediaTestSupport
import Testing

@testable import MediaCLI

/// What one run of the built `mediactl` binary did: its exit status, whether a signal or the time bound ended it,
/// and what it printed.
struct BinaryRun: CustomStringConvertible {
    var status: Int32
    /// Ended by a signal (a crash, the memory bound, or the kill after the time bound).
    var signaled: Bool
    /// Killed after the time bound.
    var timedOut: Bool
    var output: String
    var error: String

    /// Exited by itself with status 0 or 1, as every command must on any input.
    var exitedCleanly: Bool { !signaled && !timedOut && (status == 0 || status == 1) }

    var description: String {
        "status \(status)\(signaled ? " (signal)" : "")\(timedOut ? " (timed out)" : "")\nstdout: \(output)\n"
            + "stderr: \(error)"
    }
}

/// A temporary folder holding a repository (`repo/`) and a folder beside it (`outside/`) that no command may
/// touch, and the built binary to run on them with a time and a memory bound.
struct Sandbox {
    /// The sandbox; removed by ``remove()``.
    let folder: URL
    /// The repository the commands run in.
    let repo: URL
    /// A folder beside the repository, which links point into.
    let outside: URL

    /// A new sandbox whose repository holds `config` as `mediactl.yaml` (none when nil) and whose `outside/` holds
    /// a file of the user's.
    init(config: String? = Sandbox.baseConfig) throws {
        folder = try temporaryDirectory()
        repo = folder.appendingPathComponent("repo")
        outside = folder.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        try write("# precious\n", to: outside.appendingPathComponent("precious.yaml"))
        try write(
            "# \(MediaRender.generatedMarker)\nkind: Outside\n", to: outside.appendingPathComponent("marked.yaml"))
        if let config { try write(config, to: repo.appendingPathComponent("mediactl.yaml")) }
    }

    /// The issue's `base`: version 1, apps plex and sonarr.
    static let baseConfig = "version: 1\napps:\n  plex: {}\n  sonarr: {}\n"

    /// Removes the sandbox (making every folder writable first: a test may leave one read-only).
    func remove() {
        _ = try? runShell("chmod -R u+rwX '\(folder.path)' 2>/dev/null; rm -rf '\(folder.path)'")
    }

    /// The path `relative` in the repository.
    func url(_ relative: String) -> URL { repo.appendingPathComponent(relative) }

    /// The text of the repository file `relative`, nil when it is missing or not UTF-8.
    func text(_ relative: String) -> String? { Fixtures.text(url(relative)) }

    /// Runs `mediactl arguments` in the repository (or `directory`) as a subprocess, killed after `timeout` seconds,
    /// with its address space limited to `memory` bytes (1 GiB: the issue's bound), as the user `user` when given
    /// (and the tests run as root).
    func run(
        _ arguments: [String], in directory: URL? = nil, timeout: Double = 30, memory: Int = 1 << 30,
        user: uid_t? = nil, limits: String = ""
    ) throws -> BinaryRun {
        try runBinary(arguments, in: directory ?? repo, timeout: timeout, memory: memory, user: user, limits: limits)
    }

    /// A snapshot of the repository and of `outside/`.
    func snapshot() -> (repo: TreeSnapshot, outside: TreeSnapshot) { (TreeSnapshot(repo), TreeSnapshot(outside)) }

    /// Records an issue for every entry of `before` that is not mediactl's (a regular file whose first line is the
    /// marker, or a temporary file of its exact name pattern) and is not in `changing` but differs now or is gone,
    /// and for any change outside the repository.
    func expectUnmarkedUnchanged(
        since before: (repo: TreeSnapshot, outside: TreeSnapshot), changing: Set<String> = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let now = snapshot()
        #expect(now.outside == before.outside, "outside the repository changed", sourceLocation: sourceLocation)
        for (path, entry) in before.repo.entries where !entry.isMediactls(at: path) && !changing.contains(path) {
            #expect(
                now.repo.entries[path] == entry, "'\(path)' (not mediactl's) changed or went",
                sourceLocation: sourceLocation)
        }
    }

    /// Makes the sandbox belong to `user`, so that a run as that user can write where the test allows it.
    func give(to user: uid_t) throws { try runShell("chown -R \(user):\(user) '\(folder.path)'") }
}

/// Every entry below a folder, found without following a link: its kind, and the bytes of a regular file (the size
/// alone past 64 MiB), the target of a link, the permission bits.
struct TreeSnapshot: Equatable {
    /// One entry.
    enum Entry: Equatable, CustomStringConvertible {
        case file(bytes: [UInt8]?, size: Int, mode: mode_t)
        case folder(mode: mode_t)
        case link(target: [UInt8])
        case special(type: mode_t)

        /// The entry in short: a file's size and first bytes, not all of them.
        var description: String {
            switch self {
            case .file(let bytes, let size, let mode):
                let head = bytes.map { String(decoding: $0.prefix(60), as: UTF8.self).debugDescription } ?? "unread"
                return "file of \(size) bytes, mode \(String(mode, radix: 8)), starting \(head)"
            case .folder(let mode): return "folder, mode \(String(mode, radix: 8))"
            case .link(let target): return "link to \(String(decoding: target, as: UTF8.self))"
            case .special(let type): return "special file of type \(String(type, radix: 8))"
            }
        }

        /// Whether mediactl may replace or remove this entry at `path`: a regular file that starts with the marker
        /// line, or a temporary file of its exact name pattern.
        func isMediactls(at path: String) -> Bool {
            guard case .file(let bytes, _, _) = self else { return false }
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if AtomicFile.temporaryOwner(name) != nil { return true }
            // The rule written again, independently of the code under test: the first line, or the line after a
            // first `---`, is the marker line of the file's kind (CR LF line ends allowed).
            guard let bytes else { return false }
            let lines = bytes.prefix(200).split(separator: 0x0A, maxSplits: 2, omittingEmptySubsequences: false).map {
                String(decoding: $0.last == 0x0D ? $0.dropLast() : $0, as: UTF8.self)
            }
            let line = lines.first == "---" && lines.count > 1 ? lines[1] : lines.first
            return line == MediaRender.markerLine(forPath: path)
        }
    }

    /// The entries by path relative to the folder (names that are not UTF-8 decoded with replacement characters).
    var entries: [String: Entry] = [:]

    /// The entries below `folder`.
    init(_ folder: URL) { walk(Array(folder.path.utf8), relative: "") }

    private mutating func walk(_ path: [UInt8], relative: String) {
        guard let stream = opendir(path.cString) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            let child = path + [0x2F] + name
            let key = relative + (relative.isEmpty ? "" : "/") + String(decoding: name, as: UTF8.self)
            var info = stat()
            guard lstat(child.cString, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                let size = Int(info.st_size)
                entries[key] = .file(
                    bytes: size <= 64 << 20 ? Self.bytes(child) : nil, size: size, mode: info.st_mode & 0o7777)
            case S_IFDIR:
                entries[key] = .folder(mode: info.st_mode & 0o7777)
                walk(child, relative: key)
            case S_IFLNK:
                var target = [CChar](repeating: 0, count: 4097)
                let count = readlink(child.cString, &target, 4096)
                entries[key] = .link(target: target.prefix(max(count, 0)).map { UInt8(bitPattern: $0) })
            default:
                entries[key] = .special(type: info.st_mode & S_IFMT)
            }
        }
    }

    private static func bytes(_ path: [UInt8]) -> [UInt8]? {
        let descriptor = open(path.cString, O_RDONLY | O_NONBLOCK | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, 1 << 16) }
            guard count > 0 else { break }
            result += buffer.prefix(count)
        }
        return result
    }
}

extension [UInt8] {
    /// The bytes with a terminating NUL, as C strings are passed.
    var cString: [CChar] { map { CChar(bitPattern: $0) } + [0] }
}

/// The built `mediactl` binary beside the test bundle.
func builtBinary() throws -> URL {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("mediactl")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
        throw HarnessError(message: "the mediactl binary is not beside the test bundle at \(binary.path)")
    }
    return binary
}

/// A failure of the harness itself.
struct HarnessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Runs the built binary as a subprocess in `directory`: `ulimit -v` bounds its address space to `memory` bytes,
/// it is killed after `timeout` seconds, it runs as `user` (through `setpriv`) when given, and the shell runs
/// `limits` (more `ulimit`s, `trap`s) before it.
func runBinary(
    _ arguments: [String], in directory: URL, timeout: Double = 30, memory: Int = 1 << 30, user: uid_t? = nil,
    limits: String = ""
) throws -> BinaryRun {
    var command = [try builtBinary().path] + arguments
    if let user {
        command = ["setpriv", "--reuid=\(user)", "--regid=\(user)", "--clear-groups", "--"] + command
    }
    let process = try start(command, in: directory, memory: memory, limits: limits)
    return finish(process, timeout: timeout)
}

/// A started subprocess and the files its output goes to.
final class StartedProcess {
    /// Its process number.
    let pid: pid_t
    let output: URL
    let error: URL
    /// Its wait status, once it has ended.
    private(set) var waitStatus: Int32?

    init(pid: pid_t, output: URL, error: URL) {
        self.pid = pid
        self.output = output
        self.error = error
    }

    /// Whether it still runs (reaping it when it has ended).
    var isRunning: Bool {
        guard waitStatus == nil else { return false }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return true }
        waitStatus = status
        return false
    }

    /// Waits until it ends.
    func wait() {
        guard waitStatus == nil else { return }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        waitStatus = status
    }
}

/// Starts `command` in `directory` through `/bin/sh`, which runs `limits` and `ulimit -v` and then execs it, with every signal's
/// default action (a test runner may ignore some, and a shell cannot undo that), its output going to temporary
/// files. `posix_spawn` rather than `Process`, which cannot reset signal dispositions.
func start(_ command: [String], in directory: URL, memory: Int = 1 << 30, limits: String = "") throws -> StartedProcess
{
    let temporary = FileManager.default.temporaryDirectory.path
    let output = URL(fileURLWithPath: temporary + "/mediactl-out-" + UUID().uuidString)
    let error = URL(fileURLWithPath: temporary + "/mediactl-err-" + UUID().uuidString)
    #if os(Linux)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
    #else
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
    #endif
    posix_spawn_file_actions_init(&actions)
    posix_spawnattr_init(&attributes)
    defer {
        posix_spawn_file_actions_destroy(&actions)
        posix_spawnattr_destroy(&attributes)
    }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, error.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var all = sigset_t()
    sigfillset(&all)
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    let script = "cd \"$1\" && shift || exit 125\n\(limits)\nulimit -v \(memory >> 10) && exec \"$@\""
    let arguments = ["/bin/sh", "-c", script, "sh", directory.path] + command
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &argv, environ)
    guard result == 0 else { throw HarnessError(message: "posix_spawn: \(String(cString: strerror(result)))") }
    return StartedProcess(pid: pid, output: output, error: error)
}

/// Waits for `started` up to `timeout` seconds (then kills it) and collects what it printed.
func finish(_ started: StartedProcess, timeout: Double) -> BinaryRun {
    let deadline = Date().addingTimeInterval(timeout)
    var timedOut = false
    while started.isRunning {
        if Date() > deadline {
            kill(started.pid, SIGKILL)
            timedOut = true
            break
        }
        usleep(2_000)
    }
    started.wait()
    defer {
        try? FileManager.default.removeItem(at: started.output)
        try? FileManager.default.removeItem(at: started.error)
    }
    let text = { (url: URL) in String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self) }
    let status = started.waitStatus ?? 0
    let signaled = status & 0x7F != 0
    return BinaryRun(
        status: signaled ? status & 0x7F : (status >> 8) & 0xFF, signaled: signaled, timedOut: timedOut,
        output: text(started.output), error: text(started.error))
}

/// Runs a shell command line and fails when it fails.
@discardableResult
func runShell(_ line: String, in directory: URL? = nil) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", line]
    if let directory { process.currentDirectoryURL = directory }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw HarnessError(message: "'\(line)' failed: \(String(decoding: data, as: UTF8.self))")
    }
    return String(decoding: data, as: UTF8.self)
}
