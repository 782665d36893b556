import Foundation

/// Writes a file so that readers see either the old or the new content, never a half-written file: the
/// text goes to a temporary file in the same folder, which is then renamed over the target.
enum AtomicFile {
    /// Why a write failed.
    struct Failure: Error {
        let reason: String
    }

    /// Writes `text` to `url`, creating its folder.
    static func write(_ text: String, to url: URL) throws(Failure) {
        let fileManager = FileManager.default
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).mediactl-\(getpid())")
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
