import Foundation

/// Writes a file so that readers see either the old or the new content, never a half-written file: the
/// text goes to a temporary file in the same folder, which is then renamed over the target.
///
/// The temporary file is not flushed to the disk (`fsync`) before the rename. Every generated file can be
/// rendered again, and the rename already protects readers and an interrupted process; a flush per file
/// made a fresh render of 230 files four times slower. (ext4, XFS and btrfs flush a file that is renamed
/// over an existing one before the rename reaches the disk.) The edited `mediactl.yaml` is the user's own
/// file and is flushed.
enum AtomicFile {
    /// Why a write failed.
    struct Failure: Error {
        let reason: String
    }

    /// The process that made the temporary file named `name`, when the name is exactly one of ``write(_:to:durable:)``'s:
    /// `.NAME.mediactl-PID-RANDOM`, NAME not empty, PID in decimal and RANDOM in lowercase hex (at most 16 digits).
    /// Nothing else matches: a file of the user's that merely mentions `.mediactl-` is theirs.
    static func temporaryOwner(_ name: String) -> pid_t? {
        guard name.utf8.first == UInt8(ascii: ".") else { return nil }  // most names: no array made
        let bytes = Array(name.utf8)
        guard let dash = bytes.lastIndex(of: UInt8(ascii: "-")) else { return nil }
        let random = bytes[(dash + 1)...]
        guard (1...16).contains(random.count),
            random.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        let head = bytes[..<dash]
        guard let pidStart = head.lastIndex(where: { !(0x30...0x39).contains($0) }).map({ $0 + 1 }),
            pidStart < dash, dash - pidStart <= 10,
            let pid = pid_t(String(decoding: head[pidStart...], as: UTF8.self)), pid > 0
        else { return nil }
        let tag = Array(".mediactl-".utf8)
        let nameEnd = pidStart - tag.count
        guard nameEnd > 1, Array(head[nameEnd..<pidStart]) == tag else { return nil }
        return pid
    }

    /// Whether the process `pid` is running: a temporary file it made may be a write in progress.
    static func isRunning(_ pid: pid_t) -> Bool { kill(pid, 0) == 0 || errno == EPERM }

    /// Writes `text` to `url`, creating its folder when it is missing; `durable` (the user's own files: the config,
    /// the adoption record) flushes the file to the disk before it replaces the old one, and keeps its permissions.
    static func write(_ text: String, to url: URL, durable: Bool = false) throws(Failure) {
        let path = url.path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { path[path.index(after: $0)...] } ?? path[...]
        // Unique per process and per call, so concurrent renders (or threads) never share a temporary file;
        // the last rename wins and every reader sees one whole version.
        let suffix = "\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
        let temporary = "\(folder)/.\(name).mediactl-\(suffix)"
        var descriptor = create(temporary)
        if descriptor < 0, errno == ENOENT {
            // The folder is missing: create it (and its parents), then try once more.
            if let reason = makeFolders(folder) { throw Failure(reason: reason) }
            descriptor = create(temporary)
        }
        guard descriptor >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        // The user's own file keeps its permissions (a config kept private stays private).
        var old = stat()
        if durable, lstat(path, &old) == 0, old.st_mode & S_IFMT == S_IFREG { fchmod(descriptor, old.st_mode & 0o7777) }
        if let reason = fill(descriptor, with: text, durable: durable) {
            close(descriptor)
            unlink(temporary)
            throw Failure(reason: reason)
        }
        guard close(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(reason: reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(reason: reason)
        }
    }

    /// Creates `folder` and the missing folders above it; the system's reason on failure.
    private static func makeFolders(_ folder: String) -> String? {
        if mkdir(folder, 0o777) == 0 || errno == EEXIST { return nil }
        guard errno == ENOENT, let slash = folder.lastIndex(of: "/"), slash > folder.startIndex else {
            return String(cString: strerror(errno))
        }
        if let reason = makeFolders(String(folder[..<slash])) { return reason }
        if mkdir(folder, 0o777) == 0 || errno == EEXIST { return nil }
        return String(cString: strerror(errno))
    }

    /// Opens a new file for writing; fails when something already has its name.
    private static func create(_ path: String) -> Int32 {
        open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
    }

    /// Writes all of `text` to `descriptor` (and flushes it when `durable`); the system's reason on failure.
    private static func fill(_ descriptor: Int32, with text: String, durable: Bool) -> String? {
        var text = text
        let failure: String? = text.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return nil }  // nothing to write
            var written = 0
            while written < bytes.count {
                let count = Foundation.write(descriptor, start + written, bytes.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                written += count
            }
            return nil
        }
        if let failure { return failure }
        if durable, fsync(descriptor) != 0 { return String(cString: strerror(errno)) }
        return nil
    }
}
