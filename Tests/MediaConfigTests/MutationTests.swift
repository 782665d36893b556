import Foundation
import MediaConfig
import MediaTestSupport
import MediaYAML
import Testing

/// Thousands of seeded random edits of the example configs and fixtures go through the reader, the
/// decoder and the diagnostic formatter. A crash would kill the test process and a hang would never
/// finish; the checks below also hold every result to the loader's contract.
@Suite("mutation test")
struct MutationTests {
    static let seeds: [[UInt8]] = {
        let fixtureConfigs = Fixtures.entries(of: Fixtures.root.appendingPathComponent("config-errors"))
            .filter { $0.hasSuffix(".yaml") }
            .map { Fixtures.root.appendingPathComponent("config-errors").appendingPathComponent($0) }
        return (Fixtures.exampleConfigs() + fixtureConfigs).compactMap { try? Data(contentsOf: $0) }.map { Array($0) }
    }()

    static let tokens: [[UInt8]] = [
        ": ", "- ", "[", "]", "{", "}", "\"", "'", "|", "|-", ">", "#", " #", "&a ", "*a", "!t ", "---\n", "...\n",
        "\t", "? ", "\\", "\\u12", "\r\n", "\r", "\n", "%YAML", "@", "`", ",", "~", "\u{85}", "\u{FEFF}", "\u{2028}",
        "  ", "    ", "true", "yes", "0755", "enabled: ", "apps:\n", "version: 2\n", "é", "\u{0}",
    ].map { Array($0.utf8) }

    static func mutate(_ input: [UInt8], _ generator: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
            switch Int.random(in: 0..<9, using: &generator) {
            case 0: bytes.insert(contentsOf: tokens.randomElement(using: &generator) ?? [], at: position)
            case 1: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
            case 2:
                let end = min(bytes.count, position + Int.random(in: 1...6, using: &generator))
                if position < end { bytes.removeSubrange(position..<end) }
            case 3: if position < bytes.count { bytes[position] = UInt8.random(in: 0...127, using: &generator) }
            case 4: bytes = Array(bytes.prefix(position))
            default:
                var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
                guard !lines.isEmpty else { continue }
                let line = Int.random(in: 0..<lines.count, using: &generator)
                let other = Int.random(in: 0..<lines.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: lines.insert(lines[line], at: other)
                case 1: lines.swapAt(line, other)
                case 2: lines[line].insert(contentsOf: [32, 32], at: 0)
                default: if lines[line].first == 32 { lines[line].removeFirst(min(2, lines[line].count)) }
                }
                bytes = Array(lines.joined(separator: [10]))
            }
        }
        return bytes
    }

    @Test("20,000 mutants: no crash, no hang, every diagnostic located, stack exactly when error-free")
    func mutants() {
        #expect(Self.seeds.count >= 25)
        var generator = SeededGenerator(seed: 20_261_121)
        var slowest: Duration = .zero
        var rejected = 0
        let clock = ContinuousClock()
        for _ in 0..<20_000 {
            guard let seed = Self.seeds.randomElement(using: &generator) else { break }
            let mutant = Self.mutate(seed, &generator)
            let start = clock.now
            let result = ConfigLoader.load(bytes: mutant)
            let text = DiagnosticFormatter(path: "mutant.yaml", source: String(decoding: mutant, as: UTF8.self))
                .format(result.diagnostics)
            slowest = max(slowest, clock.now - start)
            if result.hasErrors { rejected += 1 }
            #expect((result.stack == nil) == result.hasErrors)
            #expect(result.diagnostics.allSatisfy { ($0.position?.line ?? 0) >= 1 && ($0.position?.column ?? 0) >= 1 })
            #expect(result.diagnostics.isEmpty || text.contains("mutant.yaml:"))
        }
        // Linear-time reading: no mutant of these small files may take anywhere near a second.
        #expect(slowest < .seconds(1), "slowest mutant took \(slowest)")
        // The mutations must actually break things; a test that never sees an error proves nothing.
        #expect(rejected > 8_000)
    }

    @Test("2,000 buffers of random bytes are rejected or read, never a crash")
    func randomBytes() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...200, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            let result = ConfigLoader.load(bytes: bytes)
            #expect(result.hasErrors)
        }
    }
}
