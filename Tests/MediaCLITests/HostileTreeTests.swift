import Foundation
import MediaRender
import MediaTestSupport
import Testing

@testable import MediaCLI
@testable import MediaImport

/// Issue 18's disk side and the hostile inputs found beyond it: special files, links, `.git`, permissions,
/// encodings, huge files, names, concurrent runs, kills and broken adoption records. Every case runs the built
/// binary as a subprocess with a time bound (30 s) and a memory bound (1 GiB of address space), in a sandbox
/// (``Sandbox``) whose `outside/` folder no command may touch, and checks that every file without mediactl's
/// first-line marker is byte-identical afterwards.
@Suite("hostile trees")
struct HostileTreeTests {
    static let plexKS = "kubernetes/apps/media/plex/ks.yaml"
    static let plexRelease = "kubernetes/apps/media/plex/app/helmrelease.yaml"
    static let plexApp = "kubernetes/apps/media/plex/app"
    static let media = "kubernetes/apps/media"
    static let marker = "# \(MediaRender.generatedMarker)\n"
    /// The commands that read the tree; `disable` also edits the config.
    static let treeCommands: [[String]] = [
        ["render"], ["render", "--force"], ["check"], ["diff"], ["disable", "sonarr"],
    ]

    /// A sandbox whose base config is rendered (in-process: the setup is not under test).
    static func rendered(_ config: String = Sandbox.baseConfig) throws -> Sandbox {
        let sandbox = try Sandbox(config: config)
        let run = mediactl(["render", "--quiet"], in: sandbox.repo)
        guard run.status == 0 else { throw HarnessError(message: "setup render failed: \(run.error)") }
        return sandbox
    }

    /// Runs each of `commands` as a subprocess and expects it to exit with `status` by itself within the bounds,
    /// to print `message` on stderr when given, and to leave every unmarked file and `outside/` as they were
    /// (`changing` may change).
    @discardableResult
    static func expect(
        _ sandbox: Sandbox, _ commands: [[String]], status: Int32, message: String? = nil,
        changing: Set<String> = [], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [BinaryRun] {
        var runs: [BinaryRun] = []
        for command in commands {
            let before = sandbox.snapshot()
            let run = try sandbox.run(command)
            #expect(run.exitedCleanly, "\(command): \(run)", sourceLocation: sourceLocation)
            #expect(run.status == status, "\(command): \(run)", sourceLocation: sourceLocation)
            if let message {
                #expect(
                    run.error.contains(message), "\(command): expected '\(message)' in \(run)",
                    sourceLocation: sourceLocation)
            }
            sandbox.expectUnmarkedUnchanged(since: before, changing: changing, sourceLocation: sourceLocation)
            runs.append(run)
        }
        return runs
    }

    /// Replaces the repository file `path` with a FIFO.
    static func makeFIFO(_ sandbox: Sandbox, _ path: String) throws {
        unlink(sandbox.url(path).path)
        guard mkfifo(sandbox.url(path).path, 0o644) == 0 else { throw HarnessError(message: "mkfifo \(path)") }
    }

    /// Replaces the repository file `path` with a listening Unix socket's file.
    static func makeSocket(_ sandbox: Sandbox, _ path: String) throws {
        let full = sandbox.url(path).path
        unlink(full)
        #if os(Linux)
            let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(full.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw HarnessError(message: "socket path too long: \(full)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else { throw HarnessError(message: "bind \(full): \(String(cString: strerror(errno)))") }
    }

    /// Whether the tests run as root, who may make device files and run commands as another user.
    static let isRoot = getuid() == 0

    // MARK: special files

    @Test("a FIFO at a generated path: every command stops at once with the path named, the FIFO stays")
    func fifoAtGeneratedPath() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        try Self.makeFIFO(sandbox, Self.plexKS)
        try Self.expect(
            sandbox, Self.treeCommands, status: 1,
            message: "refusing to replace '\(Self.plexKS)': it is a FIFO (named pipe), not a regular file")
        #expect(FileSystem.kind(of: sandbox.url(Self.plexKS).path) == .special("a FIFO (named pipe)"))
    }

    @Test("a FIFO as --config, and as the mediactl.yaml found from the working folder, is refused at once")
    func fifoAsConfig() throws {
        let sandbox = try Sandbox(config: nil)
        defer { sandbox.remove() }
        try Self.makeFIFO(sandbox, "pipe.yaml")
        for command in [
            ["validate"], ["render"], ["check"], ["diff"], ["enable", "plex"], ["pin"], ["explain", "plex"],
        ] {
            try Self.expect(
                sandbox, [command + ["--config", "pipe.yaml"]], status: 1,
                message: "cannot read 'pipe.yaml': it is a FIFO (named pipe), not a regular file")
        }
        try Self.makeFIFO(sandbox, "mediactl.yaml")
        try Self.expect(
            sandbox, [["check"], ["render"]], status: 1,
            message: "cannot read 'mediactl.yaml': it is a FIFO (named pipe), not a regular file")
    }

    @Test("/dev/zero as --config is refused before a byte is read, within the memory bound")
    func devZeroAsConfig() throws {
        let sandbox = try Sandbox(config: nil)
        defer { sandbox.remove() }
        try Self.expect(
            sandbox, [["render", "--config", "/dev/zero"], ["validate", "--config", "/dev/zero"]], status: 1,
            message: "cannot read '/dev/zero': it is a character device, not a regular file")
        try FileManager.default.createSymbolicLink(
            at: sandbox.url("mediactl.yaml"), withDestinationURL: URL(fileURLWithPath: "/dev/zero"))
        try Self.expect(
            sandbox, [["check"]], status: 1,
            message: "cannot read 'mediactl.yaml': it is a character device, not a regular file")
    }

    @Test(
        "a character device (/dev/zero's numbers) at a generated path is refused, memory stays bounded",
        .enabled(if: isRoot, "mknod needs root"))
    func deviceAtGeneratedPath() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        unlink(sandbox.url(Self.plexRelease).path)
        #expect(mknod(sandbox.url(Self.plexRelease).path, S_IFCHR | 0o644, dev_t((1 << 8) | 5)) == 0)
        try Self.expect(
            sandbox, Self.treeCommands, status: 1,
            message: "refusing to replace '\(Self.plexRelease)': it is a character device, not a regular file")
    }

    @Test("a socket at a generated path, and as --config, is refused")
    func socketAtGeneratedPath() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        try Self.makeSocket(sandbox, Self.plexKS)
        try Self.expect(
            sandbox, [["render"], ["check"]], status: 1,
            message: "refusing to replace '\(Self.plexKS)': it is a socket, not a regular file")
        try Self.expect(
            sandbox, [["validate", "--config", Self.plexKS]], status: 1,
            message: "cannot read '\(Self.plexKS)': it is a socket, not a regular file")
    }

    @Test("a FIFO where a generated folder goes is named as such; nothing is written")
    func fifoAtFolderPath() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try FileManager.default.createDirectory(at: sandbox.url("kubernetes/apps"), withIntermediateDirectories: true)
        try Self.makeFIFO(sandbox, Self.media)
        try Self.expect(
            sandbox, [["render"], ["check"]], status: 1,
            message: "'\(Self.media)' is a FIFO (named pipe), not a folder")
        #expect(FileSystem.kind(of: sandbox.url(".renovate").path) == nil, "nothing written before the error")
    }

    @Test("special files in a generated folder at paths render does not write are left alone")
    func specialFilesElsewhereStay() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        try Self.makeFIFO(sandbox, "\(Self.media)/plex/notes.fifo")
        try Self.makeSocket(sandbox, "\(Self.media)/s.sock")
        try Self.expect(sandbox, [["render"], ["check"], ["diff"]], status: 0)
    }

    @Test("a FIFO as the adoption record is reported and adopts nothing")
    func fifoAsAdoptionRecord() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        try Self.makeFIFO(sandbox, "mediactl.adopted")
        let runs = try Self.expect(
            sandbox, [["check"]], status: 0,
            message: "ignoring 'mediactl.adopted': it is a FIFO (named pipe), not a regular file")
        #expect(runs.first?.error.contains("files it names stay protected") == true)
    }

    // MARK: links

    @Test("a generated folder that is a link out of the repository is refused; nothing is written through it")
    func generatedFolderLinkedOutside() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try FileManager.default.createDirectory(at: sandbox.url("kubernetes"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: sandbox.url("kubernetes/apps"), withDestinationURL: sandbox.outside)
        try Self.expect(
            sandbox, [["render"], ["render", "--force"], ["check"]], status: 1,
            message: "'kubernetes/apps' is a symbolic link")
    }

    @Test("a generated file that is a link to a file outside is neither followed nor replaced, even with --force")
    func generatedFileLinkedOutside() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        unlink(sandbox.url(Self.plexKS).path)
        try FileManager.default.createSymbolicLink(
            at: sandbox.url(Self.plexKS), withDestinationURL: sandbox.outside.appendingPathComponent("marked.yaml"))
        try Self.expect(
            sandbox, Self.treeCommands, status: 1,
            message: "refusing to write '\(Self.plexKS)': '\(Self.plexKS)' is a symbolic link")
    }

    @Test("a folder on the way linked to .git inside the repository is refused; git's files stay")
    func folderLinkedToGit() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try write("[core]\n", to: sandbox.url(".git/config"))
        try write(Self.marker, to: sandbox.url(".git/apps/media/old.yaml"))
        try FileManager.default.createSymbolicLink(atPath: sandbox.url("kubernetes").path, withDestinationPath: ".git")
        try Self.expect(sandbox, [["render"], ["check"]], status: 1, message: "'kubernetes' is a symbolic link")
        #expect(sandbox.text(".git/apps/media/old.yaml") == Self.marker)
    }

    @Test("link loops at a generated file and on a generated folder end at once with the path named")
    func linkLoops() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        unlink(sandbox.url(Self.plexKS).path)
        try FileManager.default.createSymbolicLink(
            atPath: sandbox.url(Self.plexKS).path, withDestinationPath: "ks.yaml")
        try Self.expect(sandbox, [["render"], ["check"]], status: 1, message: "'\(Self.plexKS)' is a symbolic link")
        let sonarr = "\(Self.media)/sonarr"
        try FileManager.default.removeItem(at: sandbox.url(sonarr))
        try FileManager.default.createSymbolicLink(atPath: sandbox.url(sonarr).path, withDestinationPath: "sonarr")
        try Self.expect(sandbox, [["render"], ["diff"]], status: 1, message: "is a symbolic link")
    }

    @Test("a dangling link at a generated path is refused, not replaced")
    func danglingLink() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        unlink(sandbox.url(Self.plexRelease).path)
        try FileManager.default.createSymbolicLink(
            atPath: sandbox.url(Self.plexRelease).path, withDestinationPath: "../../../../../../outside/new.yaml")
        try Self.expect(
            sandbox, [["render", "--force"], ["check"]], status: 1,
            message: "refusing to write '\(Self.plexRelease)': '\(Self.plexRelease)' is a symbolic link")
        #expect(FileSystem.kind(of: sandbox.outside.appendingPathComponent("new.yaml").path) == nil)
    }

    @Test("a link inside a generated folder to a folder of marked files outside: nothing is removed through it")
    func noRemovalThroughLink() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        try FileManager.default.createSymbolicLink(
            at: sandbox.url("\(Self.media)/old"), withDestinationURL: sandbox.outside)
        try Self.expect(sandbox, [["render"], ["check"]], status: 0)
    }

    @Test("mediactl.yaml linked to a file inside the repository: enable, disable and pin edit that file in place")
    func configLinkedInside() throws {
        let sandbox = try Sandbox(config: nil)
        defer { sandbox.remove() }
        try write(Sandbox.baseConfig, to: sandbox.url("config/real.yaml"))
        try FileManager.default.createSymbolicLink(
            atPath: sandbox.url("mediactl.yaml").path, withDestinationPath: "config/real.yaml")
        let runs = try Self.expect(
            sandbox, [["render"], ["disable", "sonarr"]], status: 0, changing: ["config/real.yaml"])
        #expect(runs.last?.output.contains("  git add config/real.yaml ") == true, "stage the edited file")
        #expect(FileSystem.kind(of: sandbox.url("mediactl.yaml").path) == .symbolicLink, "the link stays a link")
        #expect(sandbox.text("config/real.yaml")?.contains("enabled: false") == true)
        try Self.expect(sandbox, [["pin", "plex"], ["check"]], status: 0, changing: ["config/real.yaml"])
        #expect(sandbox.text("config/real.yaml")?.contains("image: ") == true)
        #expect(FileSystem.kind(of: sandbox.url("mediactl.yaml").path) == .symbolicLink)
    }

    @Test("mediactl.yaml linked to a file outside the repository: edits are refused, reading works")
    func configLinkedOutside() throws {
        let sandbox = try Sandbox(config: nil)
        defer { sandbox.remove() }
        try write(Sandbox.baseConfig, to: sandbox.outside.appendingPathComponent("mediactl.yaml"))
        try FileManager.default.createSymbolicLink(
            at: sandbox.url("mediactl.yaml"),
            withDestinationURL: sandbox.outside.appendingPathComponent("mediactl.yaml"))
        try Self.expect(sandbox, [["render"], ["check"]], status: 0)
        let refusal = "refusing to edit 'mediactl.yaml': it is a symbolic link to '"
        try Self.expect(sandbox, [["disable", "sonarr"], ["pin"]], status: 1, message: refusal)
        try Self.expect(sandbox, [["init", "--force"]], status: 1, message: refusal)
        #expect(FileSystem.kind(of: sandbox.url("\(Self.media)/sonarr/ks.yaml").path) == .regular, "tree untouched")
        #expect(FileSystem.kind(of: sandbox.url("mediactl.yaml").path) == .symbolicLink)
    }

    @Test("a dangling mediactl.yaml link: init refuses to replace it, with or without --force")
    func danglingConfigLink() throws {
        let sandbox = try Sandbox(config: nil)
        defer { sandbox.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: sandbox.url("mediactl.yaml").path, withDestinationPath: "../outside/new.yaml")
        try Self.expect(sandbox, [["init"]], status: 1, message: "'mediactl.yaml' already exists")
        try Self.expect(
            sandbox, [["init", "--force"]], status: 1,
            message: "refusing to edit 'mediactl.yaml': it is a symbolic link to a missing file")
        #expect(FileSystem.kind(of: sandbox.outside.appendingPathComponent("new.yaml").path) == nil)
    }

    @Test("an adoption record linked outside is not followed: the files it names stay protected")
    func adoptionRecordLinkedOutside() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        let mine = "# mine\nkind: HelmRelease\n"
        try write(mine, to: sandbox.url(Self.plexRelease))
        let record = "version: 1\nfiles:\n  \(Self.plexRelease): \(SHA256.hex(Array(mine.utf8)))\n"
        try write(record, to: sandbox.outside.appendingPathComponent("record"))
        try FileManager.default.createSymbolicLink(
            at: sandbox.url("mediactl.adopted"), withDestinationURL: sandbox.outside.appendingPathComponent("record"))
        try Self.expect(
            sandbox, [["render"]], status: 1, message: "ignoring 'mediactl.adopted': it is a symbolic link")
        #expect(sandbox.text(Self.plexRelease) == mine)
    }

    // MARK: .git

    @Test("an output root inside .git, named or reached through a link, is refused before anything is written")
    func outputRootInsideGit() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try write("[core]\n", to: sandbox.url(".git/config"))
        try Self.expect(
            sandbox, [["render", "--out", ".git/flux"], ["check", "--out", ".git"]], status: 1,
            message: "which belongs to git")
        try FileManager.default.createSymbolicLink(atPath: sandbox.url("flux").path, withDestinationPath: ".git")
        try Self.expect(
            sandbox, [["render", "--out", "flux"], ["render", "--out", "flux/not/yet"]], status: 1,
            message: "which belongs to git")
        let git = try FileManager.default.contentsOfDirectory(atPath: sandbox.url(".git").path)
        #expect(git == ["config"])
    }

    @Test("a nested repository's .git (any case) and a submodule's .git file in a generated folder are never touched")
    func gitInsideGeneratedFolder() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        try write(Self.marker, to: sandbox.url("\(Self.media)/plex/.git/stale.yaml"))
        try write(Self.marker, to: sandbox.url("\(Self.media)/sonarr/.GIT/stale.yaml"))
        try write(Self.marker + "gitdir: ../../.git/modules/x\n", to: sandbox.url("\(Self.media)/.git"))
        try write(Self.marker, to: sandbox.url("docs/apps/.Git/old.md"))
        let before = sandbox.snapshot()
        try Self.expect(sandbox, [["render"], ["check"]], status: 0)
        let after = sandbox.snapshot()
        for path in before.repo.entries.keys where path.lowercased().contains(".git") {
            #expect(after.repo.entries[path] == before.repo.entries[path], "\(path)")
        }
    }

    @Test(".git as a file at the repository root (a worktree) stays as it is; render and check work")
    func gitFileAtRoot() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try write("gitdir: /elsewhere/.git/worktrees/x\n", to: sandbox.url(".git"))
        try Self.expect(sandbox, [["render"], ["check"]], status: 0)
        #expect(sandbox.text(".git") == "gitdir: /elsewhere/.git/worktrees/x\n")
    }

    // MARK: permissions

    @Test("a read-only generated folder: render fails naming the file, leaves no temporary file, the rest whole")
    func readOnlyFolder() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        try write(Sandbox.baseConfig + "cluster: {timezone: Europe/Zurich}\n", to: sandbox.url("mediactl.yaml"))
        chmod(sandbox.url(Self.plexApp).path, 0o555)
        let user: uid_t? = Self.isRoot ? 65534 : nil
        if let user { try sandbox.give(to: user) }
        let run = try sandbox.run(["render"], user: user)
        #expect(run.status == 1 && run.exitedCleanly, "\(run)")
        #expect(run.error.contains("cannot write '\(Self.plexRelease)': Permission denied"), "\(run)")
        let names = try FileManager.default.contentsOfDirectory(atPath: sandbox.url(Self.plexApp).path)
        #expect(!names.contains { $0.contains(".mediactl-") }, "\(names)")
        #expect(sandbox.text(Self.plexRelease)?.contains("Etc/UTC") == true, "the old file is whole")
    }

    @Test("an unreadable generated file is a located error; an unreadable other file stays")
    func unreadableFiles() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        try write(Self.marker, to: sandbox.url("\(Self.media)/plex/old.yaml"))
        chmod(sandbox.url("\(Self.media)/plex/old.yaml").path, 0)
        let user: uid_t? = Self.isRoot ? 65534 : nil
        if let user { try sandbox.give(to: user) }
        let fine = try sandbox.run(["render"], user: user)
        #expect(fine.status == 0 && fine.exitedCleanly, "an unreadable file is not known to be ours: \(fine)")
        #expect(FileSystem.kind(of: sandbox.url("\(Self.media)/plex/old.yaml").path) == .regular)
        chmod(sandbox.url(Self.plexKS).path, 0)
        for command in [["render"], ["check"], ["diff"]] {
            let run = try sandbox.run(command, user: user)
            #expect(run.status == 1 && run.exitedCleanly, "\(command): \(run)")
            #expect(run.error.contains("cannot read '\(Self.plexKS)': Permission denied"), "\(command): \(run)")
        }
    }

    @Test("an unreadable config and an unreadable adoption record are clear errors")
    func unreadableConfigAndRecord() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        try write("version: 1\nfiles: {}\n", to: sandbox.url("mediactl.adopted"))
        chmod(sandbox.url("mediactl.adopted").path, 0)
        let user: uid_t? = Self.isRoot ? 65534 : nil
        if let user { try sandbox.give(to: user) }
        let record = try sandbox.run(["check"], user: user)
        #expect(record.status == 0, "\(record)")
        #expect(record.error.contains("ignoring 'mediactl.adopted': Permission denied"), "\(record)")
        chmod(sandbox.url("mediactl.yaml").path, 0)
        let config = try sandbox.run(["render"], user: user)
        #expect(config.status == 1 && config.exitedCleanly, "\(config)")
        #expect(config.error.contains("cannot read 'mediactl.yaml': Permission denied"), "\(config)")
    }

    @Test("an edited config keeps its permissions; a read-only repository folder stops disable before the tree")
    func configPermissions() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        chmod(sandbox.url("mediactl.yaml").path, 0o600)
        try Self.expect(sandbox, [["disable", "sonarr"]], status: 0, changing: ["mediactl.yaml"])
        var info = stat()
        lstat(sandbox.url("mediactl.yaml").path, &info)
        #expect(info.st_mode & 0o7777 == 0o600)
        chmod(sandbox.url("mediactl.yaml").path, 0o644)
        chmod(sandbox.repo.path, 0o555)
        let user: uid_t? = Self.isRoot ? 65534 : nil
        if let user { try sandbox.give(to: user) }
        let before = sandbox.snapshot()
        let run = try sandbox.run(["enable", "sonarr"], user: user)
        #expect(run.status == 1 && run.exitedCleanly, "\(run)")
        #expect(run.error.contains("cannot write 'mediactl.yaml': Permission denied"), "\(run)")
        #expect(sandbox.snapshot().repo == before.repo, "neither the config nor the tree changed")
    }

    // MARK: encodings

    @Test("invalid UTF-8 at a generated path without the marker is refused and kept byte for byte")
    func invalidUTF8HandWritten() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        let bytes: [UInt8] = [0xFF, 0xFE, 0x23, 0x20, 0xC3, 0x28, 0x0A, 0x80]
        try Data(bytes).write(to: sandbox.url(Self.plexKS))
        try Self.expect(
            sandbox, [["render"], ["disable", "sonarr"]], status: 1,
            message: "refusing to overwrite '\(Self.plexKS)': its first line is not the generated-file marker")
        try Self.expect(
            sandbox, [["check"]], status: 1,
            message: "move it away, or run 'mediactl render --force' to replace it")
        try Self.expect(sandbox, [["diff"]], status: 1, message: "render replaces it only with --force")
        #expect(try Data(contentsOf: sandbox.url(Self.plexKS)) == Data(bytes))
    }

    @Test("a stale generated file with invalid UTF-8 after its marker is still mediactl's: render removes it")
    func invalidUTF8Generated() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        let stale = sandbox.url("\(Self.media)/plex/old.yaml")
        try Data(Array(Self.marker.utf8) + [0xFF, 0xC0, 0x0A]).write(to: stale)
        try Self.expect(sandbox, [["check"]], status: 1, message: "stale generated file")
        try Self.expect(sandbox, [["render"]], status: 0)
        #expect(FileSystem.kind(of: stale.path) == nil)
    }

    @Test("a generated file checked out with CRLF line ends is still mediactl's: drift, and render rewrites it")
    func crlfGeneratedFile() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        let text = try #require(sandbox.text(Self.plexRelease))
        try write(text.replacingOccurrences(of: "\n", with: "\r\n"), to: sandbox.url(Self.plexRelease))
        try Self.expect(sandbox, [["check"]], status: 1, message: "\(Self.plexRelease): error: differs")
        try Self.expect(sandbox, [["render"], ["check"]], status: 0)
        #expect(sandbox.text(Self.plexRelease) == text)
    }

    @Test("the marker after a BOM, on the second line, inside a longer line or in another file kind's syntax is not")
    func markerLookalikes() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        let cases = [
            Self.plexKS: "\u{FEFF}" + Self.marker,
            "\(Self.media)/plex/app/pvc.yaml": "---\n# a note\n" + Self.marker,
            "\(Self.media)/sonarr/ks.yaml": "# \(MediaRender.generatedMarker) (really)\n",
            "docs/apps/media.md": Self.marker,
            "\(Self.media)/kustomization.yaml": "  " + Self.marker,
        ]
        for (path, text) in cases { try write(text, to: sandbox.url(path)) }
        let run = try Self.expect(sandbox, [["render"]], status: 1).first
        for path in cases.keys {
            #expect(
                run?.error.contains("refusing to overwrite '\(path)'") == true, "\(path): \(String(describing: run))")
            #expect(try Data(contentsOf: sandbox.url(path)) == Data((cases[path] ?? "").utf8))
        }
        // The line after a first '---' is where a marker may also stand.
        try write("---\n" + Self.marker + "kind: old\n", to: sandbox.url(Self.plexKS))
        let again = try Self.expect(sandbox, [["render"]], status: 1).first
        #expect(again?.error.contains("'\(Self.plexKS)'") == false, "\(String(describing: again))")
    }

    @Test("issue 18 case 1: a README that mentions the marker in its text is not removed")
    func markerMentionedInReadme() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        try write(
            "# Notes\nFiles whose header says \"Code generated by mediactl. DO NOT EDIT.\" are owned by CI\n",
            to: sandbox.url("docs/apps/README.md"))
        try write("<!-- \(MediaRender.generatedMarker) -->\n", to: sandbox.url("docs/apps/old.md"))
        try Self.expect(sandbox, [["render"], ["check"]], status: 0)
        #expect(FileSystem.kind(of: sandbox.url("docs/apps/old.md").path) == nil, "a marked stale file goes")
        #expect(sandbox.text("docs/apps/README.md")?.hasPrefix("# Notes\n") == true, "the README stays")
    }

    @Test("files whose names are not UTF-8 are left alone, even with the marker")
    func nonUTF8Names() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        let name: [UInt8] = Array("\(sandbox.repo.path)/\(Self.media)/plex/".utf8) + [0x6F, 0xFF, 0x2E, 0x79]
        let descriptor = open(name.cString, O_WRONLY | O_CREAT, 0o644)
        #expect(descriptor >= 0)
        _ = Self.marker.withCString { write(descriptor, $0, strlen($0)) }
        close(descriptor)
        try Self.expect(sandbox, [["render"], ["check"]], status: 0)
        #expect(access(name.cString, F_OK) == 0)
    }

    // MARK: huge files

    @Test("a marked file over 16 MiB at a generated path is the user's: refused, --force replaces it")
    func hugeFileAtGeneratedPath() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        let huge = Self.marker + String(repeating: "# padding line\n", count: (17 << 20) / 15)
        try write(huge, to: sandbox.url(Self.plexRelease))
        try Self.expect(
            sandbox, [["render"]], status: 1,
            message:
                "refusing to overwrite '\(Self.plexRelease)': it is larger than 16 MiB, so mediactl did not write it")
        try Self.expect(sandbox, [["check"]], status: 1, message: "run 'mediactl render --force' to replace it")
        try Self.expect(sandbox, [["diff"]], status: 1, message: "not shown: it is larger than 16 MiB")
        try Self.expect(sandbox, [["render", "--force"], ["check"]], status: 0, changing: [Self.plexRelease])
    }

    @Test("a sparse file of a terabyte at a generated path is refused without being read")
    func sparseTerabyte() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        #expect(truncate(sandbox.url(Self.plexKS).path, 1 << 40) == 0)
        let runs = try Self.expect(sandbox, [["render"], ["check"]], status: 1, message: "larger than 16 MiB")
        #expect(runs.allSatisfy { !$0.timedOut })
    }

    @Test("a marked stale file over 16 MiB stays; a config and an adoption record over 16 MiB are refused")
    func hugeStaleConfigAndRecord() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        let huge = Self.marker + String(repeating: "# padding line\n", count: (17 << 20) / 15)
        try write(huge, to: sandbox.url("\(Self.media)/plex/old.yaml"))
        try write(huge, to: sandbox.url("mediactl.adopted"))
        try Self.expect(
            sandbox, [["render"], ["check"]], status: 0,
            message: "ignoring 'mediactl.adopted': it is larger than 16 MiB")
        try write(
            Sandbox.baseConfig + String(repeating: "# comment line\n", count: (17 << 20) / 15),
            to: sandbox.url("mediactl.yaml"))
        try Self.expect(
            sandbox, [["validate"], ["render"]], status: 1,
            message: "cannot read 'mediactl.yaml': it is larger than 16 MiB")
    }

    @Test("40 marked files of 15 MiB at generated paths: check and render stay under 512 MiB (no old text is kept)")
    func manyLargeFiles() throws {
        let apps = (0..<8).map { "  sonarr-\($0): {service: sonarr}\n" }.joined()
        let sandbox = try Self.rendered("version: 1\napps:\n" + apps)
        defer { sandbox.remove() }
        var planted = 0
        for (path, _) in TreeSnapshot(sandbox.repo).entries where path.hasSuffix(".yaml") && path != "mediactl.yaml" {
            guard planted < 40 else { break }
            // Sparse: the marker line, then zeros up to 15 MiB, under the 16 MiB limit, so each is mediactl's.
            try write(MediaRender.markerLine(forPath: path) + "\n", to: sandbox.url(path))
            #expect(truncate(sandbox.url(path).path, 15 << 20) == 0)
            planted += 1
        }
        #expect(planted == 40)
        for (command, status) in [(["check"], Int32(1)), (["render", "--quiet"], 0), (["check"], 0)] {
            let run = try sandbox.run(command, memory: 512 << 20)
            #expect(run.exitedCleanly && run.status == status, "\(command): \(run)")
        }
    }

    @Test("a generated folder with 5,000 small files of the user's is walked within the bounds and kept")
    func manyUserFiles() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        let folder = sandbox.url("\(Self.media)/plex/mine")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 0..<5_000 {
            _ = FileManager.default.createFile(
                atPath: folder.path + "/n\(index).yaml", contents: Data("x: \(index)\n".utf8))
        }
        try Self.expect(sandbox, [["render"], ["check"]], status: 0)
    }

    // MARK: names

    @Test("Unicode twins: a stale marked file is removed by its exact bytes, its unmarked twin stays")
    func unicodeTwins() throws {
        let sandbox = try Self.rendered("version: 1\nrepo: {appsDir: clusters/caf\u{E9}}\napps:\n  plex: {}\n")
        defer { sandbox.remove() }
        try write(Self.marker, to: sandbox.url("clusters/caf\u{E9}/media/plex/caf\u{E9}.yaml"))
        // The same name decomposed: another file on disk, the user's.
        let twin = sandbox.repo.path + "/clusters/caf\u{E9}/media/plex/cafe\u{301}.yaml"
        _ = FileManager.default.createFile(atPath: twin, contents: Data("mine\n".utf8))
        // A whole decomposed folder beside the generated one, with a marked file: outside the generated folder.
        let folderTwin = sandbox.repo.path + "/clusters/cafe\u{301}/media/old.yaml"
        try FileManager.default.createDirectory(
            atPath: (folderTwin as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: folderTwin, contents: Data(Self.marker.utf8))
        try Self.expect(sandbox, [["render"]], status: 0)
        #expect(FileSystem.kind(of: sandbox.repo.path + "/clusters/caf\u{E9}/media/plex/caf\u{E9}.yaml") == nil)
        #expect(FileSystem.kind(of: twin) == .regular)
        #expect(FileSystem.kind(of: folderTwin) == .regular)
    }

    @Test("a case twin of a generated file (KS.yaml beside ks.yaml) is the user's")
    func caseTwins() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        try write("mine\n", to: sandbox.url("\(Self.media)/plex/KS.yaml"))
        try write("# Code Generated By Mediactl. Do Not Edit.\n", to: sandbox.url("\(Self.media)/plex/Ks.yaml"))
        try Self.expect(sandbox, [["render"], ["check"]], status: 0)
    }

    @Test("an output root deeper than PATH_MAX is a clear error, not a crash")
    func pathTooLong() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let part = String(repeating: "d", count: 200)
        // Made one level at a time relative to the last: no single path given to the system is long.
        var folder = open(sandbox.repo.path, O_RDONLY | O_DIRECTORY)
        for _ in 0..<22 {
            #expect(mkdirat(folder, part, 0o755) == 0)
            let next = openat(folder, part, O_RDONLY | O_DIRECTORY)
            close(folder)
            folder = next
        }
        close(folder)
        let out = Array(repeating: part, count: 22).joined(separator: "/")
        let run = try Self.expect(sandbox, [["render", "--out", out]], status: 1).first
        #expect(run?.error.contains("File name too long") == true, "\(String(describing: run))")
    }

    // MARK: leftovers of interrupted writes

    @Test("a planted leftover beside an old file (killed before its rename): check reports it, render removes it")
    func leftoverBeforeRename() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        let pid = try Self.deadProcess()
        let leftover = "\(Self.plexApp)/.helmrelease.yaml.mediactl-\(pid)-1f2e3d"
        try write("# \(MediaRender.generatedMarker)\nhalf", to: sandbox.url(leftover))
        try Self.expect(
            sandbox, [["check"]], status: 1,
            message: "\(leftover): error: temporary file of an interrupted write (render removes it)")
        try Self.expect(sandbox, [["diff"]], status: 1, message: "1 file would change")
        let render = try Self.expect(sandbox, [["render"]], status: 0).first
        #expect(render?.output.contains("1 removed") == true)
        try Self.expect(sandbox, [["check"]], status: 0)
        #expect(FileSystem.kind(of: sandbox.url(leftover).path) == nil)
    }

    @Test("a planted half-written tree (some files renamed, leftovers in .renovate and docs): render completes it")
    func halfWrittenTree() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        let old = sandbox.snapshot().repo
        let zurich = Sandbox.baseConfig + "cluster: {timezone: Europe/Zurich}\n"
        try write(zurich, to: sandbox.url("mediactl.yaml"))
        #expect(mediactl(["render", "--quiet"], in: sandbox.repo).status == 0)
        // Plex's HelmRelease was renamed into place, sonarr's was not.
        let sonarr = "\(Self.media)/sonarr/app/helmrelease.yaml"
        if case .file(let bytes?, _, _) = old.entries[sonarr] { try Data(bytes).write(to: sandbox.url(sonarr)) }
        let pid = try Self.deadProcess()
        for leftover in [
            "\(Self.media)/sonarr/app/.helmrelease.yaml.mediactl-\(pid)-a",
            ".renovate/.mediactl.json5.mediactl-\(pid)-b",
            "docs/apps/.media.md.mediactl-\(pid)-c",
        ] {
            try write("partial", to: sandbox.url(leftover))
        }
        let check = try Self.expect(sandbox, [["check"]], status: 1).first
        #expect(check?.error.contains("4 drifted files") == true, "\(String(describing: check))")
        try Self.expect(sandbox, [["render"], ["check"]], status: 0)
        #expect(sandbox.text(sonarr)?.contains("Europe/Zurich") == true)
    }

    @Test("a temporary file of a running process is a write in progress: check reports it, render leaves it")
    func leftoverOfLiveProcess() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        let live = "\(Self.media)/plex/.ks.yaml.mediactl-\(getpid())-abc"
        try write("partial", to: sandbox.url(live))
        try Self.expect(
            sandbox, [["check"]], status: 1, message: "temporary file of process \(getpid()), which is still running")
        try Self.expect(sandbox, [["render"]], status: 0, message: "warning: leaving '\(live)'")
        #expect(sandbox.text(live) == "partial")
    }

    @Test("names that only look like temporary files, and temporary names outside the generated folders, stay")
    func temporaryLookalikes() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        let pid = try Self.deadProcess()
        for name in [
            ".ks.yaml.mediactl-notes", ".ks.yaml.mediactl-12-XYZ", ".ks.yaml.mediactl--ab",
            "ks.yaml.mediactl-\(pid)-ab",
            "..mediactl-\(pid)-ab", ".ks.yaml.mediactl-\(pid)-0123456789abcdef0",
        ] {
            try write("mine", to: sandbox.url("\(Self.media)/plex/\(name)"))
        }
        try FileManager.default.createDirectory(
            at: sandbox.url("\(Self.media)/plex/.x.mediactl-\(pid)-ab"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: sandbox.url("\(Self.media)/plex/.y.mediactl-\(pid)-ab"),
            withDestinationURL: sandbox.outside.appendingPathComponent("precious.yaml"))
        try write("mine", to: sandbox.url(".mediactl.yaml.mediactl-\(pid)-ab"))
        try write("mine", to: sandbox.url("kubernetes/.x.mediactl-\(pid)-ab"))
        try Self.expect(sandbox, [["check"], ["render"], ["check"]], status: 0)
    }

    /// A process number no process can have: above every system's largest (Linux allows at most 2^22).
    static func deadProcess() throws -> pid_t { 2_147_483_646 }

    // MARK: concurrent runs and kills

    @Test("two renders at once into one empty tree (separate processes) both succeed; the tree is whole")
    func twoRendersAtOnce() throws {
        for _ in 0..<3 {
            let sandbox = try Sandbox()
            defer { sandbox.remove() }
            let binary = try builtBinary().path
            let first = try start([binary, "render", "--quiet"], in: sandbox.repo)
            let second = try start([binary, "render", "--quiet"], in: sandbox.repo)
            let runs = [finish(first, timeout: 30), finish(second, timeout: 30)]
            #expect(runs.allSatisfy { $0.status == 0 && $0.exitedCleanly }, "\(runs)")
            try Self.expect(sandbox, [["check"]], status: 0)
        }
    }

    @Test("check while render runs: each exits cleanly; check names only drift, and passes afterwards")
    func checkDuringRender() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        try write(Sandbox.baseConfig + "cluster: {timezone: Europe/Zurich}\n", to: sandbox.url("mediactl.yaml"))
        let binary = try builtBinary().path
        let render = try start([binary, "render", "--quiet"], in: sandbox.repo)
        let check = try start([binary, "check"], in: sandbox.repo)
        let runs = [finish(render, timeout: 30), finish(check, timeout: 30)]
        #expect(runs.allSatisfy { $0.exitedCleanly }, "\(runs)")
        #expect(runs[0].status == 0)
        for line in runs[1].error.split(separator: "\n") where line.contains(": error: ") {
            #expect(
                line.contains("differs from what render writes") || line.contains("which is still running"),
                "\(line)")
        }
        try Self.expect(sandbox, [["check"]], status: 0)
    }

    @Test(
        "render killed (SIGKILL) as it writes a large tree: every file whole, check names leftovers, render ends them")
    func killedRender() throws {
        let apps = (0..<150).map { "  sonarr-\($0): {service: sonarr, namespace: ns-\($0 % 5)}\n" }.joined()
        let old = "version: 1\napps:\n" + apps
        let new = old + "cluster: {timezone: Europe/Zurich}\n"
        let sandbox = try Self.rendered(old)
        defer { sandbox.remove() }
        let newTree = try Self.tree(of: new)
        // Only the HelmReleases change, written in path order: the first one starts the writes.
        let watched = "kubernetes/apps/ns-0/sonarr-0/app/helmrelease.yaml"
        let binary = try builtBinary().path
        for attempt in 0..<4 {
            try write(old, to: sandbox.url("mediactl.yaml"))
            #expect(mediactl(["render", "--quiet"], in: sandbox.repo).status == 0)
            let oldTree = TreeSnapshot(sandbox.repo)
            try write(new, to: sandbox.url("mediactl.yaml"))
            let render = try start([binary, "render", "--quiet"], in: sandbox.repo)
            let before = try FileSystem.read(sandbox.url(watched).path)
            while render.isRunning, try FileSystem.read(sandbox.url(watched).path) == before {}
            usleep(useconds_t(attempt * 500))  // later and later into the writes
            // Only while it is not reaped: its number cannot have passed to another process.
            if render.isRunning { kill(render.pid, SIGKILL) }
            _ = finish(render, timeout: 30)
            try Self.expectRecovery(sandbox, from: [oldTree, newTree])
        }
    }

    @Test("render dying while it writes a file (SIGXFSZ past a file size limit), at three points of a fresh tree")
    func renderDiesMidFile() throws {
        let newTree = try Self.tree(of: Sandbox.baseConfig)
        // Each limit lets the smaller files through (renamed into place) and kills the process in the first larger
        // one, between its temporary file's creation and its rename: the leftover is certain.
        for blocks in [2, 4, 8] {
            let sandbox = try Sandbox()
            defer { sandbox.remove() }
            let run = try sandbox.run(["render"], limits: "ulimit -c 0; ulimit -f \(blocks)")
            #expect(run.signaled, "killed by SIGXFSZ: \(run)")
            let leftovers = try Self.expectRecovery(sandbox, from: [newTree])
            #expect(leftovers.count == 1, "\(blocks) blocks: \(leftovers)")
        }
    }

    /// The tree `config` renders to.
    static func tree(of config: String) throws -> TreeSnapshot {
        let sandbox = try Sandbox(config: config)
        defer { sandbox.remove() }
        #expect(mediactl(["render", "--quiet"], in: sandbox.repo).status == 0)
        return TreeSnapshot(sandbox.repo)
    }

    /// After an interrupted render: every file is as in one of `trees` (whole) or missing, `check` names each
    /// leftover temporary file and fails, and a render then removes them and makes `check` pass. Returns the
    /// leftovers.
    @discardableResult
    static func expectRecovery(
        _ sandbox: Sandbox, from trees: [TreeSnapshot], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [String] {
        var leftovers: [String] = []
        for (path, entry) in TreeSnapshot(sandbox.repo).entries {
            guard case .file = entry, path != "mediactl.yaml" else { continue }
            if AtomicFile.temporaryOwner(String(path.split(separator: "/").last ?? "")) != nil {
                leftovers.append(path)
            } else {
                #expect(
                    trees.contains { $0.entries[path] == entry }, "\(path) is not whole", sourceLocation: sourceLocation
                )
            }
        }
        let check = try sandbox.run(["check"])
        #expect(check.status == 1 && check.exitedCleanly, "\(check)", sourceLocation: sourceLocation)
        for path in leftovers {
            #expect(
                check.error.contains("\(path): error: temporary file of an interrupted write"), "\(check)",
                sourceLocation: sourceLocation)
        }
        try expect(sandbox, [["render", "--quiet"], ["check"]], status: 0, sourceLocation: sourceLocation)
        #expect(
            TreeSnapshot(sandbox.repo).entries.keys.allSatisfy { !$0.contains(".mediactl-") },
            sourceLocation: sourceLocation)
        return leftovers
    }

    @Test("a full disk during disable: clear error, every file whole; render afterwards makes the tree current")
    func fullDiskDuringDisable() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        let run = try sandbox.run(["disable", "sonarr"], limits: "trap '' XFSZ; ulimit -f 2")
        #expect(run.status == 1 && run.exitedCleanly, "\(run)")
        #expect(run.error.contains("cannot write '"), "\(run)")
        #expect(TreeSnapshot(sandbox.repo).entries.keys.allSatisfy { !$0.contains(".mediactl-") })
        try Self.expect(sandbox, [["render"], ["check"]], status: 0)
    }

    // MARK: adoption record

    @Test("a broken adoption record (garbage, a folder, odd paths) adopts nothing and touches nothing")
    func brokenAdoptionRecords() throws {
        let sandbox = try Self.rendered()
        defer { sandbox.remove() }
        let mine = "# mine\n"
        try write(mine, to: sandbox.url(Self.plexKS))
        try Data([0x00, 0xFF, 0x1B, 0x5B, 0x32, 0x4A]).write(to: sandbox.url("mediactl.adopted"))
        try Self.expect(sandbox, [["render"]], status: 1, message: "ignoring 'mediactl.adopted': ")
        try FileManager.default.removeItem(at: sandbox.url("mediactl.adopted"))
        try FileManager.default.createDirectory(at: sandbox.url("mediactl.adopted"), withIntermediateDirectories: true)
        try Self.expect(
            sandbox, [["render"]], status: 1, message: "ignoring 'mediactl.adopted': a folder is in the way")
        try FileManager.default.removeItem(at: sandbox.url("mediactl.adopted"))
        let digest = SHA256.hex(Array("# precious\n".utf8))
        try write(
            "version: 1\nfiles:\n  ../outside/precious.yaml: \(digest)\n  .git/config: \(digest)\n  /etc/passwd: \(digest)\n",
            to: sandbox.url("mediactl.adopted"))
        try Self.expect(sandbox, [["render"]], status: 1, message: "refusing to overwrite '\(Self.plexKS)'")
        try Self.expect(sandbox, [["check"]], status: 1, message: "run 'mediactl render --force' to replace it")
        #expect(sandbox.text(Self.plexKS) == mine)
    }

    @Test("import refuses to replace an adoption record it did not write, or one that is a FIFO; nothing is written")
    func importKeepsHandWrittenRecord() throws {
        let sandbox = try Self.importable()
        defer { sandbox.remove() }
        try write("my notes about adoption\n", to: sandbox.url("mediactl.adopted"))
        try Self.expect(
            sandbox, [["import", "kubernetes/apps/media"]], status: 1,
            message: "refusing to replace 'mediactl.adopted': its first line is not the generated-file marker")
        try Self.makeFIFO(sandbox, "mediactl.adopted")
        try Self.expect(
            sandbox, [["import", "kubernetes/apps/media"]], status: 1,
            message: "refusing to replace 'mediactl.adopted': it is a FIFO (named pipe), not a regular file")
        #expect(FileSystem.kind(of: sandbox.url("mediactl.yaml").path) == nil, "no config written")
        try FileManager.default.removeItem(at: sandbox.url("mediactl.adopted"))
        try Self.expect(sandbox, [["import", "kubernetes/apps/media"]], status: 0, changing: ["mediactl.yaml"])
    }

    /// A sandbox holding the hand-written repository of `Fixtures/import/app-template-3` and no config.
    static func importable() throws -> Sandbox {
        let sandbox = try Sandbox(config: nil)
        try runShell(
            "cp -R '\(Fixtures.packageRoot.path)/Fixtures/import/app-template-3/repo/.' '\(sandbox.repo.path)'")
        return sandbox
    }
}

/// What the CLI prints of the config's values and of the paths it is given goes through the one escaping function
/// (``DiagnosticFormatter/escaped(_:)``): a terminal never receives a control character from the user.
@Suite("escaped output")
struct EscapedOutputTests {
    @Test("explain shows control characters in env values escaped, in text; JSON escapes them its own way")
    func explainEscapes() throws {
        let sandbox = try Sandbox(
            config: "version: 1\napps:\n  plex:\n    env: {BANNER: \"\\e[2J\\e]0;owned\\a\", RTL: \"a\\u202Eb\"}\n")
        defer { sandbox.remove() }
        let run = mediactl(["explain", "plex"], in: sandbox.repo)
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("BANNER=\\u{1B}[2J\\u{1B}]0;owned\\u{7}"), "\(run.output)")
        #expect(run.output.contains("RTL=a\\u{202E}b"), "\(run.output)")
        #expect(!run.output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        let json = mediactl(["explain", "plex", "--json"], in: sandbox.repo)
        #expect(!json.output.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test("a --config path with control characters is shown escaped in every line that names it")
    func configPathEscaped() throws {
        let sandbox = try Sandbox(config: nil)
        defer { sandbox.remove() }
        let name = "conf\u{1B}[31mig.yaml"
        try write(Sandbox.baseConfig, to: sandbox.url(name))
        _ = mediactl(["render", "--quiet", "--config", name], in: sandbox.repo)
        for command in [
            ["check"], ["validate"], ["disable", "sonarr"], ["pin", "plex"], ["check", "--config", "nope\u{7}"],
        ] {
            let run = mediactl(command + (command.contains("--config") ? [] : ["--config", name]), in: sandbox.repo)
            let printed = run.output + run.error
            #expect(!printed.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(command): \(printed)")
            #expect(printed.contains("\\u{1B}[31mig.yaml") || printed.contains("nope\\u{7}"), "\(command): \(printed)")
        }
    }
}
