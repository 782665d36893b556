import Foundation
import MediaRender
import MediaTestSupport
import Testing

@testable import MediaCLI

@Suite("the tree writer's plan")
struct FileTreeWriterTests {
    /// 120 generated files in four folders, enough for the plan to read them on several lanes.
    static let files = (0..<120).map { index in
        RenderedFile(
            path: "kubernetes/apps/ns-\(index % 4)/app-\(index)/helmrelease.yaml",
            contents: "---\n# \(MediaRender.generatedMarker)\nname: app-\(index)\n")
    }

    @Test("reading the disk on one lane or several gives the same plan, file by file")
    func lanesAgree() throws {
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

        let writer = FileTreeWriter(root: folder)
        let managed = ["kubernetes/apps"]
        let oneLane = try writer.plan(files, managedDirectories: managed, lanes: 1)
        let threeLanes = try writer.plan(files, managedDirectories: managed, lanes: 3)
        // A snapshot taken in the background, and one that keeps no bytes (every file is read in the plan).
        let background = try writer.plan(
            files, managedDirectories: managed, lanes: 2,
            snapshot: writer.snapshot(of: managed, inBackground: true))
        let unread = try writer.plan(
            files, managedDirectories: managed, lanes: 2,
            snapshot: TreeSnapshot(root: folder.path + "/", directories: managed, budget: 0))
        for plan in [oneLane, threeLanes, background, unread] {
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
        for plan in [threeLanes, background, unread] {
            #expect(plan.changes.map(\.path) == oneLane.changes.map(\.path))
            #expect(plan.changes.map(\.old) == oneLane.changes.map(\.old))
        }
    }

    @Test("a folder where a generated file goes is a clear error")
    func folderInTheWay() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: url(folder, 70), withIntermediateDirectories: true)
        do {
            _ = try FileTreeWriter(root: folder).plan(Self.files, managedDirectories: [], lanes: 2)
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
        let plan = try FileTreeWriter(root: folder).plan([], managedDirectories: ["docs/apps"])
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
            _ = try FileTreeWriter(root: folder).plan(files, managedDirectories: ["docs"], lanes: 1)
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
        let writer = FileTreeWriter(root: folder)
        let planned = try writer.plan(files, managedDirectories: managed, lanes: 1)
        let early = try writer.plan(
            files.reversed(), managedDirectories: managed, snapshot: writer.snapshot(of: managed, inBackground: true))
        // With no budget, the walk leaves the folders below `kubernetes/apps` to the plan, and still lists
        // `kubernetes/apps/a`: the plan finds its files twice.
        let unread = try writer.plan(
            files, managedDirectories: managed,
            snapshot: TreeSnapshot(root: folder.path + "/", directories: managed, budget: 0))
        for plan in [planned, early, unread] {
            #expect(
                plan.changes.map { "\($0.kind) \($0.path)" } == [
                    "unchanged kubernetes/apps/a-b/y.yaml", "unchanged kubernetes/apps/a.b/w.yaml",
                    "unchanged kubernetes/apps/a/x.yaml", "remove kubernetes/apps/a/z.yaml",
                ])
            #expect(plan.handWritten.isEmpty)
        }
    }

    private func url(_ folder: URL, _ index: Int) -> URL { folder.appendingPathComponent(Self.files[index].path) }
}

@Suite("the snapshot of the tree before a render")
struct TreeSnapshotTests {
    @Test("it lists regular files and real folders, stops at its budget, and never follows a link")
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

        let root = folder.path + "/"
        let directories = ["kubernetes/apps", "docs", "missing/apps"]
        let all = TreeSnapshot(root: root, directories: directories).take()
        #expect(
            all.files == [
                TreeSnapshot.FoundFile(path: "kubernetes/apps/media/a.yaml", bytes: Array("a\n".utf8)),
                TreeSnapshot.FoundFile(path: "kubernetes/apps/media/sub/b.yaml", bytes: Array("bb\n".utf8)),
            ])
        #expect(all.folders == ["kubernetes", "kubernetes/apps", "kubernetes/apps/media", "kubernetes/apps/media/sub"])
        #expect(all.unwalked.isEmpty)  // 'docs' is a link: neither walked nor left to list

        // With no budget, nothing is read and the walk stops above the first folder it would enter.
        let none = TreeSnapshot(root: root, directories: directories, budget: 0, inBackground: true).take()
        #expect(none.files.isEmpty)
        #expect(none.folders == ["kubernetes", "kubernetes/apps"])
        #expect(none.unwalked == ["kubernetes/apps/media"])
        // The plan lists what the walk left, without reading it.
        let rest = TreeSnapshot.listing(root: root, folders: none.unwalked)
        #expect(
            rest.files == [
                TreeSnapshot.FoundFile(path: "kubernetes/apps/media/a.yaml", bytes: nil),
                TreeSnapshot.FoundFile(path: "kubernetes/apps/media/sub/b.yaml", bytes: nil),
            ])
    }
}

@Suite("reading whole files for the snapshot")
struct WholeFileReaderTests {
    @Test("files of any size read whole through a buffer that grows; links and folders are not read")
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
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
        defer { close(descriptor) }
        for reader in [WholeFileReader(capacity: 4), WholeFileReader()] {
            for size in sizes {
                let bytes = try #require(reader.bytes(named: "f\(size)", in: descriptor), "f\(size)")
                #expect(bytes == Array(try #require(Fixtures.text(folder.appendingPathComponent("f\(size)"))).utf8))
            }
            #expect(reader.bytes(named: "link", in: descriptor) == nil)
            #expect(reader.bytes(named: "sub", in: descriptor) == nil)
            #expect(reader.bytes(named: "missing", in: descriptor) == nil)
        }
    }
}
