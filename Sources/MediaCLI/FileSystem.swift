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
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// The UTF-8 text of the regular file at `path` (a symbolic link is not followed), nil when there is
    /// no file; throws the system's reason when it cannot be read.
    static func read(_ path: String) throws(FileTreeWriter.Failure) -> String? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw FileTreeWriter.Failure(message: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw FileTreeWriter.Failure(message: "a folder is in the way")
        }
        // A buffer of the file's size plus one byte, so one read fills it and the next sees the end (a
        // zero-filled 64 KiB buffer per file was the largest single cost of comparing a large tree).
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                // Never empty: the buffer has one byte more than the file.
                buffer.baseAddress.map { Foundation.read(descriptor, $0 + filled, buffer.count - filled) } ?? 0
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileTreeWriter.Failure(message: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            filled += count
        }
        return String(decoding: bytes[..<filled], as: UTF8.self)
    }

    /// Regular files below `directory` as relative paths; symbolic links are neither followed nor listed.
    static func regularFiles(under directory: String) -> [String] {
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? directory : directory + "/" + relative
            guard let stream = opendir(folder) else { continue }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    switch kind(of: directory + "/" + path) {
                    case .regular: type = UInt8(DT_REG)
                    case .directory: type = UInt8(DT_DIR)
                    default: continue
                    }
                }
                if type == UInt8(DT_REG) { found.append(path) } else if type == UInt8(DT_DIR) { pending.append(path) }
            }
        }
        return found
    }
}
