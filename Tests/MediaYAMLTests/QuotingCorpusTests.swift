import Foundation
import MediaTestSupport
import MediaYAML
import Testing

/// The quoting corpus of STYLE.md (`Fixtures/yaml/quoting-corpus.json`): every entry must come back as
/// the same string as a value, a sequence item and a key. `.ci/run` checks the golden document with
/// PyYAML (YAML 1.1) as well.
@Suite("quoting corpus")
struct QuotingCorpusTests {
    static let corpusURL = Fixtures.root.appendingPathComponent("yaml/quoting-corpus.json")
    static let goldenURL = Fixtures.root.appendingPathComponent("yaml/quoting-corpus.expected.yaml")

    static let corpus: [String] = {
        guard let data = try? Data(contentsOf: corpusURL),
            let strings = try? JSONDecoder().decode([String].self, from: data)
        else { return [] }
        return strings
    }()

    /// The corpus as one document: `values` (a mapping), `items` (a sequence) and `keys` (each entry as
    /// a key, its index as the value).
    static func corpusDocument() -> YAMLDocument {
        var values = YAMLMapping()
        var keys = YAMLMapping()
        for (index, entry) in corpus.enumerated() {
            values.set("v" + String(index + 1000).dropFirst(), .string(entry))
            keys.set(entry, .integer(index))
        }
        return YAMLDocument(
            headerComments: ["The quoting corpus of STYLE.md, emitted by YAMLEmitter; see QuotingCorpusTests."],
            root: ["values": .mapping(values), "items": .sequence(corpus.map { .string($0) }), "keys": .mapping(keys)])
    }

    @Test("the corpus is loaded")
    func corpusLoads() {
        #expect(Self.corpus.count >= 100)
    }

    @Test("the emitted corpus matches its golden file")
    func golden() {
        let text = YAMLEmitter().emit(Self.corpusDocument())
        if let failure = GoldenFile.compare(text, with: Self.goldenURL) { Issue.record(Comment(rawValue: failure)) }
    }

    @Test("every entry reads back as the same string as a value, an item and a key")
    func roundTrip() throws {
        let text = YAMLEmitter().emit(Self.corpusDocument())
        let result = YAMLReader().read(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let root = try #require(result.root?.pairs)
        #expect(root.map(\.keyText) == ["values", "items", "keys"])
        let values = try #require(root[0].value.pairs).map { $0.value.scalar?.text }
        let items = try #require(root[1].value.items).map { $0.scalar?.text }
        let keys = try #require(root[2].value.pairs).map(\.keyText)
        for (index, entry) in Self.corpus.enumerated() {
            #expect(values[safe: index] == entry, "value \(index)")
            #expect(items[safe: index] == entry, "item \(index)")
            #expect(keys[safe: index] == entry, "key \(index)")
        }
    }

    @Test("strings that other YAML tools would retype are never plain")
    func ambiguousStringsAreQuoted() {
        for entry in Self.corpus where YAMLPlainResolution(plain: entry) != .string {
            let line = YAMLEmitter().emit(["k": .string(entry)])
            #expect(!line.hasPrefix("k: " + entry + "\n"), "'\(entry)' was emitted plain")
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
