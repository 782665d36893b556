import Foundation

/// The file-system calls of the CLI, made with POSIX directly: what is at a path, and ``read(_:followingLinks:)``,
/// the one function that opens and reads a file (the config, and every file of the output tree the plan
/// compares or removes). Foundation's attribute calls look up owner names, a name-service round trip per file.
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
        /// The path is a symbolic link, which is not followed.
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

    /// The bytes of the file at `path` (absolute, or relative to the open folder `folder`), nil when there is
    /// none. A symbolic link at `path` itself is refused (``ReadFailure/symbolicLink``, by `open` with
    /// `O_NOFOLLOW`) unless `followingLinks`: the config may be a link, a generated file may not.
    static func read(
        _ path: String, in folder: Int32 = AT_FDCWD, followingLinks: Bool = false
    ) throws(ReadFailure) -> [UInt8]? {
        let descriptor = openat(folder, path, O_RDONLY | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
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
        // A buffer of the size `fstat` gave and one byte more: a read that fills less than it asked for has
        // reached the end of the file, and a file that grew meanwhile fills the buffer, which then grows.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let wanted = bytes.count - filled
            let count = bytes.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { Foundation.read(descriptor, $0 + filled, wanted) } ?? 0
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(String(cString: strerror(errno)))
            }
            filled += count
            if count < wanted { break }
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}
