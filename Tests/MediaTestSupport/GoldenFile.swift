import Foundation
import MediaRender

/// Compares text with a golden file, and rewrites the golden in record mode.
///
/// Record mode is `MEDIACTL_RECORD=1 swift test`: a golden that differs or is missing is rewritten and
/// the comparison still fails ("recorded …"), so a recording run is never mistaken for a passing one.
/// Recording is refused when `CI` is set.
public enum GoldenFile {
    /// Whether this test run records goldens.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["MEDIACTL_RECORD"] == "1" }

    /// Whether this run is on CI, where recording is refused.
    public static var isCI: Bool {
        let value = ProcessInfo.processInfo.environment["CI"] ?? ""
        return !value.isEmpty && value != "0" && value != "false"
    }

    /// Compares `actual` with the golden at `url`. Returns nil when they match, otherwise the failure
    /// to report: a line diff, the recording hint for a missing golden, or the note that it was recorded.
    public static func compare(
        _ actual: String, with url: URL, recording: Bool = isRecording, onCI: Bool = isCI
    ) -> String? {
        let name = url.path.replacingOccurrences(of: Fixtures.packageRoot.path + "/", with: "")
        let expected = Fixtures.text(url)
        if expected == actual { return nil }
        if recording {
            if onCI { return "\(name) differs; recording is refused when CI is set" }
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
                return "recorded \(name); review it with git diff and run the tests again"
            } catch {
                return "could not record \(name): \(error)"
            }
        }
        guard let expected else {
            return "missing golden \(name); run MEDIACTL_RECORD=1 swift test to record it"
        }
        return "\(name) differs from the output (- golden, + actual):\n"
            + UnifiedDiff(oldName: "golden/\(name)", newName: "actual/\(name)").text(from: expected, to: actual)
    }

    /// Reports golden files in `directory` ending in `suffix` that no test case produced; in record
    /// mode they are deleted (and still reported once).
    public static func staleGoldens(in directory: URL, suffix: String, expected: Set<String>) -> [String] {
        Fixtures.entries(of: directory).filter { $0.hasSuffix(suffix) && !expected.contains($0) }.map { name in
            let url = directory.appendingPathComponent(name)
            if isRecording && !isCI, (try? FileManager.default.removeItem(at: url)) != nil {
                return "deleted stale golden \(name)"
            }
            return "stale golden \(name) has no test case; run MEDIACTL_RECORD=1 swift test to delete it"
        }
    }
}
