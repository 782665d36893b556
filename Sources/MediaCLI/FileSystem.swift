import Foundation

/// The few file-system calls the tree writer needs, made with POSIX directly: Foundation's attribute
/// calls look up owner names (a name-service round trip per file), which dominated `check` on large trees.
enum FileSystem {
    /// What is at a path, without following a symbolic link there.
    enum Kind {
        case regular
        case directory
        case symbolicLink
        case other
    }

    /// The kind of `path`, or nil when nothing is there.
    static func kind(of path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return kind(info)
    }

    /// The kind of what `path` leads to, following symbolic links as opening it would, or nil when nothing
    /// is there.
    static func kind(followingLinksAt path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return kind(info)
    }

    private static func kind(_ info: stat) -> Kind {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Why a file could not be read.
    enum ReadFailure: Error {
        /// The path is a symbolic link, which is never followed.
        case symbolicLink
        /// The path is a folder.
        case folder
        /// The system's reason.
        case system(String)

        /// The reason in words.
        var message: String {
            switch self {
            case .symbolicLink: "it is a symbolic link"
            case .folder: "a folder is in the way"
            case .system(let reason): reason
            }
        }
    }

    /// The UTF-8 text of the regular file at `path` (a symbolic link is not followed), nil when there is
    /// no file.
    static func read(_ path: String) throws(ReadFailure) -> String? {
        try bytes(of: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of the regular file at `path`, nil when there is no file. A symbolic link there is refused
    /// by `open` itself (`O_NOFOLLOW`), so no separate `lstat` is needed.
    static func bytes(of path: String) throws(ReadFailure) -> [UInt8]? {
        try bytes(ofOpened: open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC))
    }

    /// The bytes of the regular file `path` leads to, following symbolic links (a config may be one), nil
    /// when there is no file.
    static func bytes(followingLinksAt path: String) throws(ReadFailure) -> [UInt8]? {
        try bytes(ofOpened: open(path, O_RDONLY | O_CLOEXEC))
    }

    /// Reads and closes a file just opened (`descriptor` < 0: the `open` failed and `errno` says why).
    private static func bytes(ofOpened descriptor: Int32) throws(ReadFailure) -> [UInt8]? {
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT: return nil
            case ELOOP: throw .symbolicLink
            default: throw .system(String(cString: strerror(errno)))
            }
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .system(String(cString: strerror(errno))) }
        if info.st_mode & S_IFMT == S_IFDIR { throw .folder }
        // A buffer of the file's size plus one byte (a zero-filled 64 KiB buffer per file was the largest
        // single cost of comparing a large tree). A short read that reaches the size `fstat` gave is the end
        // of the file, which saves a second `read` per file; a file that grows meanwhile is read to its end.
        let size = max(Int(info.st_size), 0)
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let wanted = bytes.count - filled
            let count = bytes.withUnsafeMutableBytes { buffer in
                // Never empty: `wanted` is at least one byte.
                buffer.baseAddress.map { Foundation.read(descriptor, $0 + filled, wanted) } ?? 0
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(String(cString: strerror(errno)))
            }
            if count == 0 { break }
            filled += count
            if count < wanted, filled == size { break }
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}
