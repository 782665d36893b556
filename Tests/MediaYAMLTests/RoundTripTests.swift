import MediaTestSupport
import MediaYAML
import Testing

/// Random strings and random trees go through the emitter and back through the reader unchanged.
@Suite("emitter → reader round trip")
struct RoundTripTests {
    static let alphabet: [Unicode.Scalar] = Array(
        "ab z09:-#'\"?!&*%@`|>,[]{}.~+_=$/\\\t\n\r é日\u{85}\u{2028}\u{FEFF}\u{0}\u{7F}\u{A0}".unicodeScalars)

    static func randomString(_ generator: inout SeededGenerator) -> String {
        let length = Int.random(in: 0...12, using: &generator)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<length { scalars.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]) }
        return String(scalars)
    }

    static func randomTree(_ generator: inout SeededGenerator, depth: Int) -> YAMLValue {
        switch depth > 3 ? 0 : Int.random(in: 0...2, using: &generator) {
        case 0:
            return .string(randomString(&generator))
        case 1:
            return .sequence(
                (0..<Int.random(in: 0...4, using: &generator)).map { _ in randomTree(&generator, depth: depth + 1) })
        default:
            var mapping = YAMLMapping()
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                mapping.set(randomString(&generator), randomTree(&generator, depth: depth + 1))
            }
            return .mapping(mapping)
        }
    }

    @Test("10,000 random strings round-trip as values, items and keys")
    func randomStrings() {
        var generator = SeededGenerator(seed: 0x5EED)
        for _ in 0..<10_000 {
            let text = Self.randomString(&generator)
            for document in [
                YAMLValue.mapping(YAMLMapping([("k", .string(text))])), .sequence([.string(text)]),
                .mapping(YAMLMapping([(text, "v")])),
            ] {
                let emitted = YAMLEmitter().emit(document)
                let result = YAMLReader().read(emitted)
                #expect(result.diagnostics.isEmpty, "\(emitted.debugDescription): \(result.diagnostics)")
                guard let root = result.root else { continue }
                #expect(value(of: root) == document, "\(text.debugDescription) via \(emitted.debugDescription)")
            }
        }
    }

    @Test("2,000 random trees round-trip")
    func randomTrees() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<2_000 {
            var root = YAMLMapping()
            root.set("root", Self.randomTree(&generator, depth: 0))
            let emitted = YAMLEmitter().emit(.mapping(root))
            let result = YAMLReader().read(emitted)
            #expect(result.diagnostics.isEmpty, "\(emitted.debugDescription): \(result.diagnostics)")
            guard let node = result.root else { continue }
            #expect(value(of: node) == .mapping(root), "\(emitted.debugDescription)")
        }
    }
}
