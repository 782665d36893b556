import Foundation
import MediaRender
import MediaTestSupport
import Testing

@testable import MediaCLI

@Suite("the tree writer's plan")
struct FileTreeWriterTests {
    /// 120 generated files in four folders.
    static let files = (0..<120).map { index in
        RenderedFile(
            path: "kubernetes/apps/ns-\(index % 4)/app-\(index)/helmrelease.yaml",
            contents: "---\n# \(MediaRender.generatedMarker)\nname: app-\(index)\n")
    }

    @Test("the plan tells added, updated, hand-written, unchanged and stale files apart, file by file")
    func fileByFile() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in Self.files.dropFirst(10) {
            try write(file.contents, to: folder.appendingPathComponent(file.path))
        }
        // Files 0 to 9 are missing; 20, 41 and 62 were edited by hand; 21 lost its marker; 30 is empty;
        // 50's text is canonically equal to the rendered text but not byte-equal (é composed and not).
        for index in [20, 41, 62] {
            try write("---\n# \(MediaRender.generatedMarker)\nname: edited\n", to: url(folder, index))
        }
        try write("name: mine\n", to: url(folder, 21))
        try write("", to: url(folder, 30))
        var files = Self.files
        files[50].contents += "note: caf\u{E9}\n"
        try write(files[50].contents.replacingOccurrences(of: "\u{E9}", with: "e\u{301}"), to: url(folder, 50))
        let stale = "kubernetes/apps/ns-1/gone/ks.yaml"
        try write("# \(MediaRender.generatedMarker)\n", to: folder.appendingPathComponent(stale))

        // In the renderer's order and in another one; with every file read by the walk, read on another
        // thread, and read by the plan.
        let managed = ["kubernetes/apps"]
        let plan = try planned(files, in: folder, folders: managed)
        let reversed = try planned(files.reversed(), in: folder, folders: managed)
        let background = try FileTreeWriter(root: folder).plan(
            files, against: Background { OutputTree(root: folder.path, folders: managed) }.value)
        let unread = try FileTreeWriter(root: folder).plan(
            files, against: OutputTree(root: folder.path, folders: managed, budget: 0))
        for plan in [plan, reversed, background, unread] {
            let kinds = Dictionary(uniqueKeysWithValues: plan.changes.map { ($0.path, $0.kind) })
            #expect(kinds.count == files.count + 1)
            for (index, file) in files.enumerated() {
                let expected: TreePlan.Change.Kind =
                    index < 10 ? .add : [20, 21, 30, 41, 50, 62].contains(index) ? .update : .unchanged
                #expect(kinds[file.path] == expected, "\(file.path)")
            }
            #expect(kinds[stale] == .remove)
            #expect(plan.handWritten == [files[21].path, files[30].path])
        }
        for other in [reversed, background, unread] {
            #expect(other.changes.map(\.path) == plan.changes.map(\.path))
            #expect(other.changes.map(\.handWritten) == plan.changes.map(\.handWritten))
        }
    }

    @Test("a folder where a generated file goes is a clear error")
    func folderInTheWay() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: url(folder, 70), withIntermediateDirectories: true)
        do {
            _ = try planned(Self.files, in: folder, folders: [])
            Issue.record("the plan did not fail")
        } catch {
            #expect(error.message == "cannot read '\(Self.files[70].path)': a folder is in the way")
        }
    }

    @Test("nothing is planned for removal through a managed folder that is a symbolic link")
    func noRemovalThroughALink() throws {
        let folder = try temporaryDirectory()
        let outside = try temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: outside)
        }
        try write("<!-- \(MediaRender.generatedMarker) -->\n", to: outside.appendingPathComponent("apps/old.md"))
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("docs"), withDestinationURL: outside)
        let plan = try planned([], in: folder, folders: ["docs/apps"])
        #expect(plan.changes.isEmpty)
    }

    @Test("a folder named like a checked one in another Unicode form is checked on its own: a link there is refused")
    func unicodeFormsAreTwoFolders() throws {
        let folder = try temporaryDirectory()
        let outside = try temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: outside)
        }
        // "é" as one scalar (a real folder) and as "e" + U+0301 (a link out of the root): one Swift string, two
        // names on disk.
        let composed = "docs/\u{E9}"
        let decomposed = "docs/e\u{301}"
        #expect(composed == decomposed)
        try FileManager.default.createDirectory(
            atPath: folder.path + "/" + composed, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/" + decomposed, withDestinationPath: outside.path)
        let files = [
            RenderedFile(path: composed + "/a.md", contents: "<!-- \(MediaRender.generatedMarker) -->\n"),
            RenderedFile(path: decomposed + "/b.md", contents: "<!-- \(MediaRender.generatedMarker) -->\n"),
        ]
        do {
            _ = try planned(files, in: folder, folders: ["docs"])
            Issue.record("the plan did not refuse the link")
        } catch {
            #expect(error.message == "refusing to write '\(decomposed)/b.md': '\(decomposed)' is a symbolic link")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test("rendered files are paired with the files found by their bytes, whatever order the folders are listed in")
    func pairedInByteOrder() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // '-' < '.' < '/' in bytes: "a-b/" and "a.b/" sort before "a/", though a walk lists "a" first.
        let generated = "# \(MediaRender.generatedMarker)\n"
        let files = ["a/x.yaml", "a-b/y.yaml", "a.b/w.yaml"].map {
            RenderedFile(path: "kubernetes/apps/\($0)", contents: generated + "name: \($0)\n")
        }
        for file in files { try write(file.contents, to: folder.appendingPathComponent(file.path)) }
        try write(generated, to: folder.appendingPathComponent("kubernetes/apps/a/z.yaml"))
        try write("mine\n", to: folder.appendingPathComponent("kubernetes/apps/a-b/notes.txt"))
        // The second managed folder lies inside the first: its files are found twice and counted once.
        let managed = ["kubernetes/apps", "kubernetes/apps/a"]
        let plan = try planned(files, in: folder, folders: managed)
        let reversed = try planned(files.reversed(), in: folder, folders: managed)
        let unread = try FileTreeWriter(root: folder).plan(
            files, against: OutputTree(root: folder.path, folders: managed, budget: 0))
        for plan in [plan, reversed, unread] {
            #expect(
                plan.changes.map { "\($0.kind) \($0.path)" } == [
                    "unchanged kubernetes/apps/a-b/y.yaml", "unchanged kubernetes/apps/a.b/w.yaml",
                    "unchanged kubernetes/apps/a/x.yaml", "remove kubernetes/apps/a/z.yaml",
                ])
            #expect(plan.handWritten.isEmpty)
        }
    }

    private func url(_ folder: URL, _ index: Int) -> URL { folder.appendingPathComponent(Self.files[index].path) }

    /// The plan of writing `files` into `folder`, whose generated folders are `folders`.
    private func planned(
        _ files: [RenderedFile], in folder: URL, folders: [String]
    ) throws(FileTreeWriter.Failure) -> TreePlan {
        try FileTreeWriter(root: folder).plan(files, against: OutputTree(root: folder.path, folders: folders))
    }
}

@Suite("the output tree before a render")
struct OutputTreeTests {
    @Test("it lists regular files and real folders, reads them up to its budget, and never follows a link")
    func walk() throws {
        let folder = try temporaryDirectory()
        let outside = try temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: outside)
        }
        try write("a\n", to: folder.appendingPathComponent("kubernetes/apps/media/a.yaml"))
        try write("bb\n", to: folder.appendingPathComponent("kubernetes/apps/media/sub/b.yaml"))
        try write("elsewhere\n", to: folder.appendingPathComponent("kubernetes/flux/c.yaml"))
        try write("outside\n", to: outside.appendingPathComponent("d.yaml"))
        try write("partial\n", to: folder.appendingPathComponent("kubernetes/apps/media/.a.yaml.mediactl-1-f"))
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("kubernetes/apps/media/linked"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("kubernetes/apps/media/e.yaml"),
            withDestinationURL: outside.appendingPathComponent("d.yaml"))
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("docs"), withDestinationURL: outside)

        let directories = ["kubernetes/apps", "docs", "missing/apps"]
        let tree = OutputTree(root: folder.path, folders: directories)
        #expect(tree.files.map(\.path) == ["kubernetes/apps/media/a.yaml", "kubernetes/apps/media/sub/b.yaml"])
        #expect(tree.files.map(\.bytes) == [Array("a\n".utf8), Array("bb\n".utf8)])
        #expect(
            tree.folders == ["kubernetes", "kubernetes/apps", "kubernetes/apps/media", "kubernetes/apps/media/sub"])
        #expect(try tree.read("kubernetes/apps/media/sub/b.yaml") == Array("bb\n".utf8))
        // With no budget, every file is listed and none is read.
        let unread = OutputTree(root: folder.path, folders: directories, budget: 0)
        #expect(unread.files.map(\.path) == tree.files.map(\.path))
        #expect(unread.files.allSatisfy { $0.bytes == nil })
        // A folder that would climb out of the root is not entered.
        let apps = folder.appendingPathComponent("kubernetes/apps").path
        #expect(OutputTree(root: apps, folders: ["../flux"]).files.isEmpty)
    }
}

@Suite("reading whole files")
struct FileReadTests {
    @Test("files of any size read whole; a link is refused unless followed, a folder is in the way")
    func wholeFiles() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sizes = [0, 3, 4, 5, 8, 9, 100, 70_000]
        for size in sizes {
            let text = String((0..<size).map { Character(Unicode.Scalar(UInt8(97 + $0 % 26))) })
            try write(text, to: folder.appendingPathComponent("f\(size)"))
        }
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("link"), withDestinationURL: folder.appendingPathComponent("f3"))
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("sub"), withIntermediateDirectories: false)
        for size in sizes {
            let path = folder.appendingPathComponent("f\(size)").path
            let bytes = try #require(try FileSystem.read(path), "f\(size)")
            #expect(bytes == Array(try #require(Fixtures.text(URL(fileURLWithPath: path))).utf8))
        }
        #expect(throws: FileSystem.ReadFailure.self) { try FileSystem.read(folder.path + "/link") }
        #expect(try FileSystem.read(folder.path + "/link", followingLinks: true) == Array("abc".utf8))
        #expect(throws: FileSystem.ReadFailure.self) { try FileSystem.read(folder.path + "/sub") }
        #expect(try FileSystem.read(folder.path + "/missing") == nil)
    }
}

@Suite("reading only regular files, up to a limit")
struct RegularFileReadTests {
    @Test("a FIFO, a socket and a device are refused at once, by what they are; a file over the limit too")
    func specialAndLargeFiles() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mkfifo(folder.path + "/pipe", 0o644) == 0)
        #expect(throws: FileSystem.ReadFailure.special("a FIFO (named pipe)")) {
            try FileSystem.read(folder.path + "/pipe")
        }
        #expect(throws: FileSystem.ReadFailure.special("a character device")) {
            try FileSystem.read("/dev/zero", followingLinks: true)
        }
        try write("12345", to: folder.appendingPathComponent("five"))
        #expect(try FileSystem.read(folder.path + "/five", limit: 5) == Array("12345".utf8))
        #expect(throws: FileSystem.ReadFailure.tooLarge(limit: 4)) {
            try FileSystem.read(folder.path + "/five", limit: 4)
        }
        #expect(
            FileSystem.ReadFailure.tooLarge(limit: FileSystem.maximumFileSize).message == "it is larger than 16 MiB")
    }

    @Test(
        "temporary file names: exactly '.NAME.mediactl-PID-HEX' names its process",
        arguments: [
            (".ks.yaml.mediactl-123-abc", Int32(123)), (".a.mediactl-1-0", 1), (".x.mediactl-9-0123456789abcdef", 9),
            (".ks.yaml.mediactl-notes", nil), (".ks.yaml.mediactl-12-XYZ", nil), (".ks.yaml.mediactl--ab", nil),
            ("ks.yaml.mediactl-12-ab", nil), ("..mediactl-12-ab", nil), (".x.mediactl-0-ab", nil),
            (".x.mediactl-12-0123456789abcdef0", nil), (".x.mediactl-12-", nil), (".x.mediactl-99999999999-a", nil),
            (".x.mediactl-12-ab.swp", nil), (".mediactl-12-ab", nil),
        ])
    func temporaryNames(name: String, owner: Int32?) {
        #expect(AtomicFile.temporaryOwner(name) == owner)
    }

    @Test("the walk lists leftovers of its exact pattern, skips .git in any spelling and names that are not UTF-8")
    func walkSkips() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("a\n", to: folder.appendingPathComponent("apps/a.yaml"))
        try write("t\n", to: folder.appendingPathComponent("apps/.a.yaml.mediactl-42-ff"))
        try write("t\n", to: folder.appendingPathComponent("apps/.a.yaml.mediactl-notes"))
        try write("g\n", to: folder.appendingPathComponent("apps/.git/x.yaml"))
        try write("g\n", to: folder.appendingPathComponent("apps/sub/.GIT"))
        try write("p\n", to: folder.appendingPathComponent(".renovate/.mediactl.json5.mediactl-42-1"))
        try write("p\n", to: folder.appendingPathComponent(".renovate/.other.json5.mediactl-42-1"))
        let bad = Array((folder.path + "/apps/b\u{FF}").utf8).dropLast(2) + [0xFF, 0]
        let descriptor = open(bad.map { CChar(bitPattern: $0) }, O_WRONLY | O_CREAT, 0o644)
        #expect(descriptor >= 0, "a file whose name is not UTF-8")
        close(descriptor)
        let tree = OutputTree(root: folder.path, folders: ["apps"], outside: [".renovate/mediactl.json5"])
        #expect(tree.files.map(\.path) == ["apps/.a.yaml.mediactl-notes", "apps/a.yaml"])
        #expect(
            tree.temporaries.map(\.path) == [".renovate/.mediactl.json5.mediactl-42-1", "apps/.a.yaml.mediactl-42-ff"])
        #expect(tree.temporaries.map(\.owner) == [42, 42])
    }
}
