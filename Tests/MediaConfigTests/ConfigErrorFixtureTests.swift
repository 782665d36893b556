import Foundation
import MediaConfig
import MediaKit
import MediaTestSupport
import MediaYAML
import Testing

/// `Fixtures/config-errors/<case>.yaml` → the exact diagnostics text in `<case>.expected.txt`.
@Suite("config error fixtures")
struct ConfigErrorFixtureTests {
    static let directory = Fixtures.root.appendingPathComponent("config-errors")

    static let cases: [String] = Fixtures.entries(of: directory).filter { $0.hasSuffix(".yaml") }.map {
        String($0.dropLast(".yaml".count))
    }

    /// What `mediactl validate` prints for the case, without colour: the decoder's diagnostics, and when it
    /// found no error, the semantic issues of the stack (cycles, host claims, exposure without auth…).
    static func diagnosticsText(of name: String) -> (text: String, hasErrors: Bool) {
        let url = directory.appendingPathComponent(name + ".yaml")
        let bytes = (try? Data(contentsOf: url)) ?? Data()
        let result = ConfigLoader.load(bytes: bytes)
        var diagnostics = result.diagnostics
        if let stack = result.stack {
            diagnostics = (diagnostics + result.diagnostics(for: StackValidator(stack: stack).validate()))
                .sortedByPosition()
        }
        let formatter = DiagnosticFormatter(path: name + ".yaml", source: String(decoding: bytes, as: UTF8.self))
        return (formatter.format(diagnostics), diagnostics.containsErrors)
    }

    @Test("there are at least 40 distinct bad configs")
    func enoughCases() {
        #expect(Self.cases.count >= 40)
    }

    @Test("each bad config gives exactly its golden diagnostics", arguments: cases)
    func golden(name: String) {
        let (text, hasErrors) = Self.diagnosticsText(of: name)
        #expect(hasErrors, "\(name).yaml should have at least one error")
        let golden = Self.directory.appendingPathComponent(name + ".expected.txt")
        if let failure = GoldenFile.compare(text, with: golden) { Issue.record(Comment(rawValue: failure)) }
    }

    @Test("every golden has its config")
    func noStaleGoldens() {
        let expected = Set(Self.cases.map { $0 + ".expected.txt" })
        for failure in GoldenFile.staleGoldens(in: Self.directory, suffix: ".expected.txt", expected: expected) {
            Issue.record(Comment(rawValue: failure))
        }
    }

    @Test("every diagnostic has a position, and errors come in position order", arguments: cases)
    func positioned(name: String) {
        let url = Self.directory.appendingPathComponent(name + ".yaml")
        let result = ConfigLoader.load(bytes: (try? Data(contentsOf: url)) ?? Data())
        var diagnostics = result.diagnostics
        if let stack = result.stack { diagnostics += result.diagnostics(for: StackValidator(stack: stack).validate()) }
        #expect(diagnostics.allSatisfy { $0.position != nil })
        let positions = result.diagnostics.compactMap(\.position)
        #expect(positions == positions.sorted())
    }
}
