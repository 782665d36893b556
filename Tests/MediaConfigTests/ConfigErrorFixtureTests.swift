import Foundation
import MediaConfig
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

    /// What `mediactl validate` prints for the case, without colour.
    static func diagnosticsText(of name: String) -> (text: String, hasErrors: Bool) {
        let url = directory.appendingPathComponent(name + ".yaml")
        let bytes = (try? Data(contentsOf: url)) ?? Data()
        let result = ConfigLoader.load(bytes: bytes)
        let formatter = DiagnosticFormatter(path: name + ".yaml", source: String(decoding: bytes, as: UTF8.self))
        return (formatter.format(result.diagnostics), result.hasErrors)
    }

    @Test("there are at least 25 distinct bad configs")
    func enoughCases() {
        #expect(Self.cases.count >= 25)
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
        #expect(result.diagnostics.allSatisfy { $0.position != nil })
        let positions = result.diagnostics.compactMap(\.position)
        #expect(positions == positions.sorted())
    }
}
