import Foundation
import MediaConfig
import MediaKit
import MediaRender
import MediaTestSupport
import Testing

/// `Fixtures/render/<case>/mediactl.yaml` → the exact tree under `Fixtures/render/<case>/expected/`.
@Suite("render fixtures")
struct RenderFixtureTests {
    static let directory = Fixtures.root.appendingPathComponent("render")

    static let cases = Fixtures.entries(of: directory).filter {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("\($0)/mediactl.yaml").path)
    }

    /// The stack of a case's config; fails the test when it does not load cleanly.
    static func stack(of name: String) throws -> Stack {
        let url = directory.appendingPathComponent("\(name)/mediactl.yaml")
        let result = ConfigLoader.load(text: try #require(Fixtures.text(url)))
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let stack = try #require(result.stack)
        let issues = StackValidator(stack: stack).validate().filter { $0.severity == .error }
        #expect(issues.isEmpty, "\(issues)")
        return stack
    }

    @Test("the focused cases of issues 3, 4 and 5 are all there")
    func casesPresent() {
        for name in [
            "disabled-app", "proxy", "nfs-volume", "helm-repository", "values-merge", "depends-on", "extra-resources",
            "media-roles", "companions", "operations-ingress", "operations-gateway",
        ] {
            #expect(Self.cases.contains(name), "missing Fixtures/render/\(name)")
        }
    }

    @Test("each case renders exactly its golden tree", arguments: cases)
    func golden(name: String) throws {
        let files = Renderer(stack: try Self.stack(of: name)).render()
        let tree = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
        let failures = GoldenTree.compare(tree, with: Self.directory.appendingPathComponent("\(name)/expected"))
        for failure in failures { Issue.record(Comment(rawValue: failure)) }
    }
}
