import Foundation
import MediaKit

/// The generated folders of the output root as they are before a render: every regular file below them, its
/// bytes up to a budget, and every folder entered on the way. The plan compares the rendered files with it,
/// and removes the generated files it lists that the render no longer produces.
///
/// The walk never follows a symbolic link: each folder is opened relative to its parent with `O_NOFOLLOW`,
/// starting at the root, so every folder listed is a real folder and nothing is listed, read or removed
/// through a link. A generated folder that cannot be entered (a link, a file, no permission) is left out,
/// and a rendered file below it is refused when the plan checks its path. Temporary files of a write in
/// progress (``AtomicFile/isTemporary(_:)``) are left out. Files are read with ``FileSystem/read(_:followingLinks:)``.
struct OutputTree: Sendable {
    /// A regular file below the generated folders.
    struct File: Sendable {
        /// Its path relative to the root.
        let path: String
        /// Its bytes, or nil when they were not read (over the budget, or unreadable: ``read(_:)`` reads it
        /// again and says why).
        let bytes: [UInt8]?
    }

    /// The root, an absolute path ending in `/`.
    let base: String
    /// Every regular file below the generated folders, each once, sorted by path bytes: the order of the
    /// rendered files, so the plan pairs the two lists in one pass.
    private(set) var files: [File] = []
    /// The folders entered, relative to the root, parents before children: real folders, no links.
    private(set) var folders: [String] = []
    /// How many more bytes of file content the walk reads: past it, it only lists, and the plan reads each
    /// file when it compares it, so that a large tree is not held in memory twice.
    private var budget: Int

    /// Lists the generated `folders` (relative paths) below the absolute path `root`, reading the files'
    /// bytes until `budget` bytes are read (4 MiB: a 400-app tree has 2.2 MiB).
    init(root: String, folders generated: [String], budget: Int = 4 << 20) {
        base = root.hasSuffix("/") ? root : root + "/"
        self.budget = budget
        for folder in generated {
            var descriptor = open(base, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            var relative = ""
            // Split by bytes and entered one part at a time, so that no part can climb out of the root.
            for part in folder.utf8.split(separator: UInt8(ascii: "/")).map({ String(decoding: $0, as: UTF8.self) })
            where descriptor >= 0 {
                let next = part == ".." ? -1 : openat(descriptor, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                close(descriptor)
                descriptor = next
                relative = relative.isEmpty ? part : relative + "/" + part
                if next >= 0 { folders.append(relative) }
            }
            if descriptor >= 0, !relative.isEmpty {
                list(descriptor, at: relative)
            } else if descriptor >= 0 {
                close(descriptor)
            }
        }
        // Nested generated folders are listed twice: each file is kept once.
        files.sort { $0.path.precedesInByteOrder($1.path) }
        files = files.indices.compactMap { index in
            index > 0 && files[index - 1].path.hasSameBytes(as: files[index].path) ? nil : files[index]
        }
    }

    /// The tree under `root`, walked and read on another thread while the caller renders (``Background``).
    static func reading(root: String, folders: [String]) -> Background<OutputTree> {
        Background { OutputTree(root: root, folders: folders) }
    }

    /// The bytes of the file at `path` (relative to the root), nil when there is none; a symbolic link there
    /// is refused.
    func read(_ path: String) throws(FileSystem.ReadFailure) -> [UInt8]? { try FileSystem.read(base + path) }

    /// Adds the files and folders below the open folder `descriptor` (at `relative`), and closes it.
    private mutating func list(_ descriptor: Int32, at relative: String) {
        guard let stream = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(stream) }
        let folder = dirfd(stream)
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != "..", !AtomicFile.isTemporary(name) else { continue }
            var isFile = entry.pointee.d_type == UInt8(DT_REG)
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {  // some file systems do not say: ask
                var info = stat()
                guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                isFile = info.st_mode & S_IFMT == S_IFREG
                isFolder = info.st_mode & S_IFMT == S_IFDIR
            }
            let path = relative + "/" + name
            if isFile {
                let bytes = budget > 0 ? try? FileSystem.read(name, in: folder) : nil
                budget -= bytes?.count ?? 0
                files.append(File(path: path, bytes: bytes ?? nil))
            } else if isFolder {
                let child = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else { continue }  // gone, or replaced by a link since it was listed
                folders.append(path)
                list(child, at: path)
            }
        }
    }
}
