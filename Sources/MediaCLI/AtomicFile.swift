import Foundation

/// Writes a file so that readers see either the old or the new content, never a half-written file: the
/// text goes to a temporary file in the same folder, which is then renamed over the target.
enum AtomicFile {
    /// Why a write failed.
    struct Failure: Error {
        let reason: String
    }

    /// Whether a file name is one of the temporary files of a write in progress (`.NAME.mediactl-PID-RANDOM`),
    /// which another render must neither read as stale nor remove.
    static func isTemporary(_ name: String) -> Bool { name.hasPrefix(".") && name.contains(".mediactl-") }

    /// Writes `text` to `url`, creating its folder.
    static func write(_ text: String, to url: URL) throws(Failure) {
        let fileManager = FileManager.default
        let folder = url.deletingLastPathComponent()
        // Unique per process and per call, so concurrent renders (or threads) never share a temporary file;
        // the last rename wins and every reader sees one whole version.
        let suffix = "\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).mediactl-\(suffix)")
        do {
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: temporary, options: .withoutOverwriting)
        } catch {
            try? fileManager.removeItem(at: temporary)
            throw Failure(reason: error.localizedDescription)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? fileManager.removeItem(at: temporary)
            throw Failure(reason: reason)
        }
    }
}
