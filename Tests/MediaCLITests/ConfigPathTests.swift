import Foundation
import MediaTestSupport
import Testing

/// `validate` and `render` trust one rule for the generated folders: every `appsDir` and `docsDir` that
/// `validate` accepts, `render` writes below the output root, and everything else `validate` refuses at
/// its line, before `render` could fail without one.
@Suite("config paths")
struct ConfigPathTests {
    /// Pieces of hostile and careless paths.
    static let pieces = ["apps", "docs", ".", "..", "", ".git", ".GIT", "git~1", "é", "a b", "\\\\", "x.md", "./"]

    /// Seeded paths of one to four pieces joined by `/`.
    static let paths: [String] = {
        var generator = SeededGenerator(seed: 18)
        return (0..<60).map { _ in
            (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }.joined(separator: "/")
        }
    }()

    @Test("a folder validate accepts is rendered inside the root; one it refuses is refused at its line")
    func validateAgreesWithRender() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = folder.appendingPathComponent("repo")
        var accepted = 0
        for (index, path) in Self.paths.enumerated() {
            let key = index.isMultiple(of: 2) ? "appsDir" : "docsDir"
            let config = "version: 1\ncluster: {domain: example.org}\nrepo: {\(key): \"\(path)\"}\napps: {plex: {}}\n"
            try? FileManager.default.removeItem(at: root)
            try write(config, to: root.appendingPathComponent("mediactl.yaml"))
            let validate = mediactl(["validate"], in: root)
            let render = mediactl(["render"], in: root)
            if validate.status == 0 {
                accepted += 1
                #expect(render.status == 0, "\(key) '\(path)': validate accepted it, render said \(render.error)")
            } else {
                #expect(validate.error.hasPrefix("mediactl.yaml:3:"), "\(key) '\(path)': \(validate.error)")
                #expect(render.status == 1 && render.error == validate.error, "\(key) '\(path)'")
            }
            // Nothing outside the root, and nothing inside a '.git' folder.
            #expect(Fixtures.entries(of: folder) == ["repo"], "\(key) '\(path)'")
            let written = GoldenTree.relativeFiles(under: root)
            #expect(
                !written.contains { $0.lowercased().split(separator: "/").contains(".git") }, "\(key) '\(path)'")
        }
        #expect(accepted > 5 && accepted < Self.paths.count, "the seeds should give both kinds: \(accepted)")
    }
}
