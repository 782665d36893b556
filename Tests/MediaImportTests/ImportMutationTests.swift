import Foundation
import MediaImport
import MediaTestSupport
import Testing

/// Seeded random edits of the fixture repositories' files go through the whole import: reading, mapping, the
/// render and the facts. A crash would kill the test process and a hang would never finish; every error must be
/// located in a file, and an app is either adopted, refused with reasons, or stopped by an error.
@Suite("import mutation test")
struct ImportMutationTests {
    static let tokens: [[UInt8]] = [
        ": ", "- ", "[", "]", "{", "}", "\"", "'", "|", ">", "#", "&a ", "*a", "<<: *a\n", "---\n", "...\n", "\t",
        "\\", "\r\n", "\n", "  ", "true", "0755", "${APP}", "{{ .Release.Name }}", "../", "existingClaim: x\n",
        "enabled: false\n", "\u{0}", "é",
    ].map { Array($0.utf8) }

    static func mutate(_ input: [UInt8], _ generator: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
            switch Int.random(in: 0..<5, using: &generator) {
            case 0, 1: bytes.insert(contentsOf: tokens.randomElement(using: &generator) ?? [], at: position)
            case 2:
                let end = min(bytes.count, position + Int.random(in: 1...8, using: &generator))
                if position < end { bytes.removeSubrange(position..<end) }
            case 3: if position < bytes.count { bytes[position] = UInt8.random(in: 0...127, using: &generator) }
            default:
                var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
                guard !lines.isEmpty else { continue }
                let line = Int.random(in: 0..<lines.count, using: &generator)
                lines.insert(lines[line], at: Int.random(in: 0..<lines.count, using: &generator))
                bytes = Array(lines.joined(separator: [10]))
            }
        }
        return bytes
    }

    @Test("300 mutants of app folders: no crash, no hang, every error located, every outcome explained")
    func mutants() throws {
        let root = Fixtures.root.appendingPathComponent("import/app-template-5/repo")
        var files: [String: [UInt8]] = [:]
        for path in GoldenTree.relativeFiles(under: root) {
            files[path] = Array(try Data(contentsOf: root.appendingPathComponent(path)))
        }
        let apps = ["autobrr", "plex", "qbittorrent", "radarr", "sonarr"].map { "kubernetes/apps/media/" + $0 }
        var generator = SeededGenerator(seed: 2_026_12_04)
        var outcomes: [String: Int] = [:]
        let clock = ContinuousClock()
        var slowest: Duration = .zero
        for _ in 0..<300 {
            guard let app = apps.randomElement(using: &generator) else { break }
            let candidates = files.keys.filter { $0.hasPrefix(app + "/") }.sorted()
            guard let path = candidates.randomElement(using: &generator), let bytes = files[path] else { continue }
            var mutated = files
            mutated[path] = Self.mutate(bytes, &generator)
            let source = FixtureRepository.source(roots: [app], files: mutated)
            let start = clock.now
            let result = RepositoryImporter(source: source, config: nil).run()
            slowest = max(slowest, clock.now - start)
            for error in result.errors {
                #expect(mutated[error.path] != nil || source.folders.contains(error.path), "\(error.located)")
            }
            if !result.errors.isEmpty {
                #expect(result.configText == nil)
                outcomes["error", default: 0] += 1
                continue
            }
            for entry in result.report.apps {
                outcomes[entry.outcome.rawValue, default: 0] += 1
                if entry.outcome == .refused {
                    #expect(!entry.reasons.isEmpty, "\(entry.folder) refused without a reason")
                }
            }
            #expect((result.configText != nil) == result.report.apps.contains { $0.outcome == .adopted })
        }
        #expect(slowest < .seconds(2), "slowest mutant took \(slowest)")
        // The mutations must reach every outcome; a test that only ever adopts proves nothing.
        #expect(
            (outcomes["error"] ?? 0) > 20 && (outcomes["refused"] ?? 0) > 20 && (outcomes["adopted"] ?? 0) > 20,
            "\(outcomes)")
    }
}
