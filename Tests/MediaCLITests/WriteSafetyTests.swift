import Foundation
import MediaTestSupport
import Testing

/// What `render` guarantees about the file system (PRODUCT.md §4, issue 6): paths stay under the output
/// root, a failed write leaves no half-written file, concurrent renders cannot corrupt the tree, and only
/// `--force` replaces a hand-written file (RenderCommandTests covers that and the symbolic links).
@Suite("write safety")
struct WriteSafetyTests {
    /// Every file below `folder`, relative, sorted.
    func files(_ folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        var paths: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                paths.append(String(url.path.dropFirst(folder.path.count + 1)))
            }
        }
        return paths.sorted()
    }

    @Test("four renders at once into one empty folder give the committed tree, with no temporary file left")
    func concurrentRenders() throws {
        for _ in 0..<3 {
            let folder = try exampleCopy("plex")
            defer { try? FileManager.default.removeItem(at: folder) }
            let runs = ConcurrentRuns()
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                runs.append(mediactl(["render", "--quiet"], in: folder))
            }
            #expect(runs.all.map(\.status) == [0, 0, 0, 0], "\(runs.all.map(\.error))")
            let expected = files(Fixtures.examples.appendingPathComponent("plex"))
            #expect(files(folder) == expected, "only the tree and the config, no .mediactl-* leftovers")
            for path in expected where path != "mediactl.yaml" {
                #expect(
                    text(folder, path) == Fixtures.text(Fixtures.examples.appendingPathComponent("plex/\(path)")),
                    "\(path) is whole")
            }
        }
    }

    @Test("a folder that cannot be created is a clear error naming the path, and nothing else is half-done")
    func unwritableLocation() throws {
        let folder = try exampleCopy("plex")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A regular file where the apps folder must go: no user, root included, can write below it.
        try write("not a folder\n", to: folder.appendingPathComponent("kubernetes"))
        let run = mediactl(["render"], in: folder)
        #expect(run.status == 1)
        #expect(run.error.hasPrefix("mediactl: error: cannot write 'kubernetes/apps/"), "\(run.error)")
        #expect(run.error.contains("'kubernetes' is a file, not a folder"), "\(run.error)")
        #expect(files(folder) == ["kubernetes", "mediactl.yaml"], "nothing written before the error")
        #expect(files(folder).allSatisfy { !$0.contains(".mediactl-") })
        #expect(text(folder, "kubernetes") == "not a folder\n")
    }

    @Test("a full disk (a file size limit) fails with a clear error and leaves only whole files")
    func fullDisk() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("mediactl")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            Issue.record("the mediactl binary is not beside the test bundle at \(binary.path)")
            return
        }
        let folder = try exampleCopy("plex")
        defer { try? FileManager.default.removeItem(at: folder) }
        // `ulimit -f 2` caps files at 1 KiB: small files fit, a HelmRelease does not. SIGXFSZ is ignored, so
        // write(2) fails with EFBIG as it would with ENOSPC on a full disk.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "trap '' XFSZ; ulimit -f 2; exec \"$0\" render", binary.path]
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message.contains("error: cannot write '"), "\(message)")
        let written = files(folder).filter { $0 != "mediactl.yaml" }
        #expect(written.allSatisfy { !$0.contains(".mediactl-") }, "no temporary file left: \(written)")
        for path in written {
            #expect(
                text(folder, path) == Fixtures.text(Fixtures.examples.appendingPathComponent("plex/\(path)")),
                "\(path) is whole")
        }
    }

    @Test("check --format github annotates the config line and each drifted file")
    func githubAnnotations() throws {
        let folder = try exampleCopy("plex")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mediactl(["render", "--quiet"], in: folder).status == 0)
        #expect(
            mediactl(["check", "--format", "github"], in: folder).output == "check: 0 config errors, 0 drifted files\n")
        let path = "kubernetes/apps/media/plex/app/pvc.yaml"
        try write((text(folder, path) ?? "") + "# edited\n", to: folder.appendingPathComponent(path))
        let config = try #require(text(folder, "mediactl.yaml"))
        try write(
            config.replacingOccurrences(of: "version: 1\n", with: "version: 1\nbogus: true\n"),
            to: folder.appendingPathComponent("mediactl.yaml"))
        let run = mediactl(["check", "--format", "github"], in: folder)
        #expect(run.status == 1)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("::error file=mediactl.yaml,line=") == true, "\(run.output)")
        #expect(lines.first?.contains(",col=1,title=mediactl::unknown top-level key 'bogus'") == true)
        #expect(lines.last == "check: 1 config error, 0 drifted files")
        // With a valid config again, the drift is annotated on its file.
        try write(config, to: folder.appendingPathComponent("mediactl.yaml"))
        let drift = mediactl(["check", "--format", "github"], in: folder)
        #expect(
            drift.output
                == "::error file=\(path),title=mediactl check::differs from what render writes; run 'mediactl render' "
                + "and commit the result\ncheck: 0 config errors, 1 drifted file\n")
    }
}

/// The results of CLI runs made from concurrent threads.
final class ConcurrentRuns: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [CLIRun] = []

    func append(_ run: CLIRun) { lock.withLock { runs.append(run) } }

    var all: [CLIRun] { lock.withLock { runs } }
}
