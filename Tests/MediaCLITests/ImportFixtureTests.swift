import Foundation
import MediaTestSupport
import Testing

@testable import MediaImport

/// `mediactl import` on the fixture repositories of `Fixtures/import/<name>/`: each a Flux repository written in
/// the style of public home-ops repositories (`repo/`), the folders to import (`roots`), and the goldens: the
/// `mediactl.yaml` import writes, its report, and the facts of every adopted app before the render.
@Suite("import of fixture repositories")
struct ImportFixtureTests {
    static let names = ["app-template-3", "app-template-4", "app-template-5"]

    /// The fixture's folder.
    private func folder(_ name: String) -> URL {
        Fixtures.root.appendingPathComponent("import").appendingPathComponent(name)
    }

    /// Every regular file below `directory` by relative path.
    private func files(in directory: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in GoldenTree.relativeFiles(under: directory) where !path.hasPrefix(".git/") {
            files[path] = try? Data(contentsOf: directory.appendingPathComponent(path))
        }
        return files
    }

    /// What import reads, for the whole tree below `directory`.
    private func source(_ directory: URL) -> ImportSource {
        let files = self.files(in: directory).mapValues { Array($0) }
        var folders: Set<String> = []
        for path in files.keys {
            var folder = path
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                folders.insert(folder)
            }
        }
        return ImportSource(roots: [], files: files, folders: folders)
    }

    @Test("import, render and check keep every fact, leave every other file alone and settle", arguments: names)
    func importRenderCheck(name: String) throws {
        let fixture = folder(name)
        let roots = (Fixtures.text(fixture.appendingPathComponent("roots")) ?? "").split(separator: "\n").map(
            String.init)
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let repository = directory.appendingPathComponent("repo")
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("repo"), to: repository)
        let original = files(in: repository)
        let originalSource = source(repository)

        // A dry run prints the report and the config's diff and writes nothing.
        let dry = mediactl(["import"] + roots + ["--dry-run", "--format", "json"], in: repository)
        #expect(dry.status == 0, "\(dry.error)")
        #expect(files(in: repository) == original)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(dry.output.utf8)) as? [String: Any])
        let apps = try #require(json["apps"] as? [[String: Any]])
        let adopted = apps.filter { $0["outcome"] as? String == "adopted" }.compactMap { $0["folder"] as? String }
        #expect(!adopted.isEmpty)
        #expect((json["diff"] as? String)?.hasPrefix("--- mediactl.yaml") == true)

        // Import writes the config and the record, nothing else.
        let imported = mediactl(["import"] + roots, in: repository)
        #expect(imported.status == 0, "\(imported.error)")
        let config = try #require(Fixtures.text(repository.appendingPathComponent("mediactl.yaml")))
        let expected = fixture.appendingPathComponent("expected")
        if let failure = GoldenFile.compare(config, with: expected.appendingPathComponent("mediactl.yaml")) {
            Issue.record(Comment(rawValue: failure))
        }
        let report = imported.output.replacingOccurrences(
            of: "\nwrote mediactl.yaml and mediactl.adopted; next: 'mediactl diff' to review, then 'mediactl render'\n",
            with: "")
        if let failure = GoldenFile.compare(report, with: expected.appendingPathComponent("report.txt")) {
            Issue.record(Comment(rawValue: failure))
        }
        var afterImport = files(in: repository)
        #expect(afterImport.removeValue(forKey: "mediactl.yaml") != nil)
        #expect(afterImport.removeValue(forKey: AdoptionRecord.fileName) != nil)
        #expect(afterImport == original)

        // Render takes the adopted files over; check passes; a second render and a second import change nothing.
        let render = mediactl(["render"], in: repository)
        #expect(render.status == 0, "\(render.error)")
        let check = mediactl(["check"], in: repository)
        #expect(check.status == 0, "\(check.output)\(check.error)")
        let rendered = files(in: repository)
        let again = mediactl(["render"], in: repository)
        #expect(again.status == 0)
        #expect(again.output.contains(" 0 added, 0 updated, 0 removed"), "\(again.output)")
        let reimport = mediactl(["import"] + roots, in: repository)
        #expect(reimport.status == 0, "\(reimport.error)")
        #expect(files(in: repository) == rendered)

        // Every file outside the adopted apps' folders is byte-identical, and so is every file an adopted app
        // keeps; new files appear only in adopted folders.
        for (path, data) in original where !adopted.contains(where: { path.hasPrefix($0 + "/") }) {
            #expect(rendered[path] == data, "\(path) changed")
        }
        // The config, the record, and what render writes for the config itself (its JSON Schema, the Renovate preset).
        let configFiles: Set<String> = [
            "mediactl.yaml", AdoptionRecord.fileName, ".mediactl/schema.json", ".renovate/mediactl.json5",
        ]
        for path in rendered.keys where original[path] == nil {
            #expect(adopted.contains { path.hasPrefix($0 + "/") } || configFiles.contains(path), "\(path) appeared")
        }

        // Every fact of every adopted app is the same before and after; the render only adds mediactl's defaults.
        var text = ""
        let renderedSource = source(repository)
        for folder in adopted.sorted() {
            var problems: [ImportDiagnostic] = []
            let before = try #require(AppFacts.read(folder: folder, in: originalSource, problems: &problems))
            let after = AppFacts.read(folder: folder, in: renderedSource, problems: &problems)
            #expect(problems.isEmpty, "\(problems.map(\.located))")
            guard let after else { continue }
            let differences = AppFacts.differences(original: before, rendered: after)
            #expect(differences.missing.isEmpty, "\(folder) lost \(differences.missing)")
            #expect(differences.added.isEmpty, "\(folder) gained \(differences.added)")
            #expect(before.lines.contains { $0.contains(": image ") })
            text += "## \(folder)\n" + before.lines.map { "  " + $0 + "\n" }.joined()
            text += differences.defaults.map { "  + " + $0 + "\n" }.joined()
        }
        if let failure = GoldenFile.compare(text, with: expected.appendingPathComponent("facts.txt")) {
            Issue.record(Comment(rawValue: failure))
        }
    }
}
