import Foundation
import MediaTestSupport
import Testing

/// The record mode of golden files: a recording run rewrites and still fails, CI refuses to record,
/// and a missing golden says how to record it.
@Suite("golden files")
struct GoldenFileTests {
    static func temporaryGolden(_ text: String?) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mediactl-golden-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("case.expected.txt")
        if let text { try text.write(to: url, atomically: true, encoding: .utf8) }
        return url
    }

    @Test("a match passes in every mode")
    func match() throws {
        let url = try Self.temporaryGolden("same\n")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        #expect(GoldenFile.compare("same\n", with: url, recording: false, onCI: false) == nil)
        #expect(GoldenFile.compare("same\n", with: url, recording: true, onCI: false) == nil)
    }

    @Test("a difference fails with a unified diff and leaves the golden alone")
    func difference() throws {
        let url = try Self.temporaryGolden("one\ntwo\nthree\n")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let failure = GoldenFile.compare("one\n2\nthree\n", with: url, recording: false, onCI: false)
        #expect(failure?.contains("@@ -1,3 +1,3 @@\n one\n-two\n+2\n three\n") == true)
        #expect(try String(contentsOf: url, encoding: .utf8) == "one\ntwo\nthree\n")
    }

    @Test("recording rewrites the golden and still fails; on CI it refuses")
    func recording() throws {
        let url = try Self.temporaryGolden("old\n")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        #expect(GoldenFile.compare("new\n", with: url, recording: true, onCI: true)?.contains("refused") == true)
        #expect(try String(contentsOf: url, encoding: .utf8) == "old\n")
        #expect(GoldenFile.compare("new\n", with: url, recording: true, onCI: false)?.hasPrefix("recorded ") == true)
        #expect(try String(contentsOf: url, encoding: .utf8) == "new\n")
    }

    @Test("a missing golden fails with the recording hint")
    func missing() throws {
        let url = try Self.temporaryGolden(nil)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        #expect(
            GoldenFile.compare("x\n", with: url, recording: false, onCI: false)?.contains(
                "MEDIACTL_RECORD=1 swift test") == true)
    }
}
