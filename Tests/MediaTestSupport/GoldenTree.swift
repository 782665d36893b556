import Foundation

/// Compares a rendered tree with a golden folder both ways: missing, unexpected and differing files.
/// In record mode (see ``GoldenFile``) it rewrites what differs and deletes what no longer exists.
public enum GoldenTree {
    /// The failures, one per file; empty when the tree matches. `files` maps relative paths to text.
    public static func compare(_ files: [String: String], with directory: URL) -> [String] {
        var failures: [String] = []
        for path in files.keys.sorted() {
            guard let text = files[path] else { continue }
            if let failure = GoldenFile.compare(text, with: directory.appendingPathComponent(path)) {
                failures.append(failure)
            }
        }
        for path in relativeFiles(under: directory) where files[path] == nil {
            let url = directory.appendingPathComponent(path)
            if GoldenFile.isRecording, !GoldenFile.isCI, (try? FileManager.default.removeItem(at: url)) != nil {
                failures.append("deleted unexpected golden \(path)")
            } else {
                failures.append(
                    "golden \(path) is not rendered any more; run MEDIACTL_RECORD=1 swift test to delete it")
            }
        }
        return failures
    }

    /// Regular files below `directory`, as sorted relative paths.
    public static func relativeFiles(under directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular { paths.append(path) }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
