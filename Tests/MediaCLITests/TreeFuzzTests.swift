import Foundation
import MediaRender
import MediaTestSupport
import Testing

@testable import MediaCLI

/// The tree side of fuzzing: seeded random trees of files, folders, links and special files under a sandbox's
/// repository, then a random command on the built binary. The oracles: it ends by itself within 30 s and 1 GiB
/// with status 0 or 1; no file without mediactl's marker changes (but those `--force` may replace, and the config
/// `enable`/`disable` edit); nothing under `.git` and nothing outside the repository changes; and after a render that
/// succeeds, `check` passes. `MEDIACTL_TREE_FUZZ_CASES` sets the number of trees (40 by default; `.ci/run` runs
/// more). A failure names its seed: rerun it with `MEDIACTL_TREE_FUZZ_SEED=N`.
@Suite("tree fuzzing")
struct TreeFuzzTests {
    static let cases: [UInt64] = {
        let environment = ProcessInfo.processInfo.environment
        if let seed = environment["MEDIACTL_TREE_FUZZ_SEED"].flatMap(UInt64.init) { return [seed] }
        let count = environment["MEDIACTL_TREE_FUZZ_CASES"].flatMap(Int.init) ?? 40
        return (0..<UInt64(count)).map { $0 }
    }()

    static let commands: [[String]] = [
        ["render"], ["render", "--force"], ["check"], ["diff"], ["disable", "sonarr"], ["enable", "sonarr"],
        ["render", "--dry-run"],
    ]

    /// The paths the base config renders to, and their folders: where random entries are most interesting.
    static let renderedPaths: [String] = {
        guard let sandbox = try? Sandbox() else { return [] }
        defer { sandbox.remove() }
        _ = mediactl(["render", "--quiet"], in: sandbox.repo)
        return TreeSnapshot(sandbox.repo).entries.keys.filter { $0 != "mediactl.yaml" }.sorted()
    }()

    @Test("random trees under the output root: no hang, no crash, no unmarked file changed, nothing outside touched")
    func randomTrees() throws {
        #expect(!Self.renderedPaths.isEmpty)
        // Two runs at a time: each case is a few subprocesses.
        let failures = ConcurrentRuns()
        DispatchQueue.concurrentPerform(iterations: Self.cases.count) { index in
            do {
                try Self.fuzz(seed: Self.cases[index])
            } catch {
                failures.append(CLIRun(status: -1, output: "seed \(Self.cases[index])", error: "\(error)"))
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
    }

    /// One random tree and command, with the oracles checked.
    static func fuzz(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        if Bool.random(using: &random) { _ = mediactl(["render", "--quiet"], in: sandbox.repo) }
        try write("[core]\n", to: sandbox.url(".git/config"))
        try write("# \(MediaRender.generatedMarker)\n", to: sandbox.url(".git/kubernetes/apps/x.yaml"))
        for _ in 0..<Int.random(in: 1...5, using: &random) { plant(in: sandbox, using: &random) }
        let command = commands.randomElement(using: &random) ?? ["check"]
        let before = sandbox.snapshot()
        let run = try sandbox.run(command)
        let context = "seed \(seed), \(command): \(run)"
        #expect(run.exitedCleanly, "\(context)")
        var changing: Set<String> = []
        if command.contains("--force") { changing.formUnion(renderedPaths) }
        if command[0] == "enable" || command[0] == "disable" { changing.insert("mediactl.yaml") }
        sandbox.expectUnmarkedUnchanged(since: before, changing: changing)
        let after = TreeSnapshot(sandbox.repo)
        for (path, entry) in before.repo.entries where path.hasPrefix(".git/") || path == ".git" {
            #expect(after.entries[path] == entry, "seed \(seed): '\(path)' under .git changed")
        }
        if command == ["render"] || command == ["render", "--force"], run.status == 0 {
            let check = try sandbox.run(["check"])
            #expect(check.status == 0, "seed \(seed): render passed, check did not: \(check)")
        }
    }

    /// Puts one random entry at a random place: over a rendered path or its folder, or beside them. Best effort: an
    /// earlier entry may be in the way.
    static func plant(in sandbox: Sandbox, using random: inout SeededGenerator) {
        var path = renderedPaths.randomElement(using: &random) ?? "kubernetes/apps/media/plex/ks.yaml"
        switch Int.random(in: 0..<4, using: &random) {
        case 0: path = (path as NSString).deletingLastPathComponent  // the folder
        case 1: path = (path as NSString).deletingLastPathComponent + "/extra-\(Int.random(in: 0..<3, using: &random))"
        default: break
        }
        if path.isEmpty { path = "extra" }
        let url = sandbox.url(path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = try? runShell("rm -rf '\(url.path)'")
        let marker = MediaRender.markerLine(forPath: path) + "\n"
        let pid = 999_999_999
        switch Int.random(in: 0..<16, using: &random) {
        case 0: mkfifo(url.path, 0o644)
        case 1: try? HostileTreeTests.makeSocket(sandbox, path)
        case 2: symlink("../../outside/precious.yaml", url.path)
        case 3: symlink(sandbox.outside.path, url.path)
        case 4: symlink(sandbox.url(".git").path, url.path)
        case 5: symlink((path as NSString).lastPathComponent, url.path)  // a loop
        case 6: symlink("missing", url.path)
        case 7: try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        case 8: try? Data((marker + "kind: Old\n").utf8).write(to: url)
        case 9: try? Data("mine: true\n".utf8).write(to: url)
        case 10: try? Data(randomBytes(Int.random(in: 0..<200, using: &random), using: &random)).write(to: url)
        case 11: try? Data(("\u{FEFF}" + marker).utf8).write(to: url)
        case 12: try? Data((marker + "a: b\n").replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: url)
        case 13:
            _ = FileManager.default.createFile(atPath: url.path, contents: Data(marker.utf8))
            truncate(url.path, 1 << 36)
        case 14:
            let folder = url.deletingLastPathComponent().path
            let name = (path as NSString).lastPathComponent
            try? Data(marker.utf8).write(to: URL(fileURLWithPath: "\(folder)/.\(name).mediactl-\(pid)-ab"))
        default:
            if getuid() == 0 { mknod(url.path, S_IFCHR | 0o644, dev_t((1 << 8) | 5)) }
        }
    }

    static func randomBytes(_ count: Int, using random: inout SeededGenerator) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
    }
}
