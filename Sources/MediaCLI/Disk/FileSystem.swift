import Foundation

/// The file-system calls of the CLI, made with POSIX directly: what is at a path, and ``read(_:in:followingLinks:limit:)``,
/// the one function that opens and reads a file (the config, the adoption record, every file of the output tree the
/// plan compares or removes, every file `import` reads). Foundation's attribute calls look up owner names, a
/// name-service round trip per file.
enum FileSystem {
    /// The largest file read: a config, an adoption record, a file of the output tree. mediactl writes no larger
    /// file (``FileTreeWriter`` refuses to), so a larger one at a generated path is the user's.
    static let maximumFileSize = 16 << 20

    /// What is at a path, without following a symbolic link there.
    enum Kind: Equatable {
        case regular
        case directory
        case symbolicLink
        /// A FIFO, a socket or a device, described in words (``describe(_:)``).
        case special(String)
    }

    /// The kind of `path`, or nil when nothing is there.
    static func kind(of path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return kind(info.st_mode)
    }

    /// The kind of what `path` leads to, following symbolic links as opening it would, or nil when nothing
    /// is there.
    static func kind(followingLinksAt path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return kind(info.st_mode)
    }

    private static func kind(_ mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        case S_IFLNK: .symbolicLink
        default: .special(describe(mode))
        }
    }

    /// What a file of `mode` is, in words: `a FIFO`, `a socket`, `a character device`, `a block device`.
    private static func describe(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "not a regular file"
        }
    }

    /// Why a file could not be read.
    enum ReadFailure: Error, Equatable {
        /// The path is a symbolic link, which is not followed.
        case symbolicLink
        /// The path is a folder.
        case folder
        /// The path is a FIFO, a socket or a device, described in words: reading it could block forever or never
        /// end.
        case special(String)
        /// The file holds more bytes than the limit.
        case tooLarge(limit: Int)
        /// The system's reason.
        case system(String)

        /// The reason in words.
        var message: String {
            switch self {
            case .symbolicLink: "it is a symbolic link"
            case .folder: "a folder is in the way"
            case .special(let kind): "it is \(kind), not a regular file"
            case .tooLarge(let limit): "it is larger than \(limit >> 20) MiB"
            case .system(let reason): reason
            }
        }
    }

    /// The bytes of the regular file at `path` (absolute, or relative to the open folder `folder`), nil when there
    /// is none. A symbolic link at `path` itself is refused (``ReadFailure/symbolicLink``, by `open` with
    /// `O_NOFOLLOW`) unless `followingLinks`: the config may be a link, a generated file may not. Anything but a
    /// regular file is refused before a byte is read (opened with `O_NONBLOCK`, so a FIFO without a writer does not
    /// block the open), and so is a file of more than `limit` bytes, also one that grows past it while it is read.
    static func read(
        _ path: String, in folder: Int32 = AT_FDCWD, followingLinks: Bool = false, limit: Int = maximumFileSize
    ) throws(ReadFailure) -> [UInt8]? {
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (followingLinks ? 0 : O_NOFOLLOW)
        let descriptor = openat(folder, path, flags)
        guard descriptor >= 0 else {
            let error = errno
            switch error {
            case ENOENT: return nil
            case ELOOP where !followingLinks: throw .symbolicLink
            case ENXIO, EOPNOTSUPP:  // a socket, or a device without its driver: name what is there
                var info = stat()
                let flags = followingLinks ? 0 : AT_SYMLINK_NOFOLLOW
                if fstatat(folder, path, &info, flags) == 0, info.st_mode & S_IFMT != S_IFREG {
                    throw .special(describe(info.st_mode))
                }
                throw .system(String(cString: strerror(error)))
            default: throw .system(String(cString: strerror(error)))
            }
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .system(String(cString: strerror(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .folder
        default: throw .special(describe(info.st_mode))
        }
        let size = max(Int(info.st_size), 0)
        guard size <= limit else { throw .tooLarge(limit: limit) }
        // A buffer of the size `fstat` gave and one byte more: a read that fills less than it asked for has
        // reached the end of the file, and a file that grew meanwhile fills the buffer, which then grows up to one
        // byte past the limit.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                guard filled <= limit else { throw .tooLarge(limit: limit) }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit + 1 - bytes.count)))
            }
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
        guard filled <= limit else { throw .tooLarge(limit: limit) }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}
