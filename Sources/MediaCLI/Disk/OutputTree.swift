import Foundation
import MediaKit

/// The generated folders of the output root as they are before a render: every regular file below them, its
/// bytes up to a budget, every folder entered on the way, and the temporary files interrupted writes left there.
/// The plan compares the rendered files with it, and removes the generated files it lists that the render no
/// longer produces.
///
/// The walk never follows a symbolic link: each folder is opened relative to its parent with `O_NOFOLLOW`,
/// starting at the root, so every folder listed is a real folder and nothing is listed, read or removed
/// through a link. A generated folder that cannot be entered (a link, a file, no permission) is left out,
/// and a rendered file below it is refused when the plan checks its path. A `.git` entry (any case, at any
/// depth: a nested repository or a submodule's `.git` file) is git's and never listed. Files are read with
/// ``FileSystem/read(_:in:followingLinks:limit:)``; names that are not UTF-8 are left out (mediactl writes none).
struct OutputTree: Sendable {
    /// A regular file below the generated folders.
    struct File: Sendable {
        /// Its path relative to the root.
        let path: String
        /// Its bytes, or nil when they were not read (over the budget, or unreadable: ``read(_:)`` reads it
        /// again and says why).
        let bytes: [UInt8]?
    }

    /// A temporary file of ``AtomicFile``, left by a write that was interrupted or still in progress.
    struct Temporary: Sendable {
        /// Its path relative to the root.
        let path: String
        /// The process that made it (``AtomicFile/temporaryOwner(_:)``).
        let owner: pid_t
    }

    /// The root, an absolute path ending in `/`.
    let base: String
    /// Every regular file below the generated folders, each once, sorted by path bytes: the order of the
    /// rendered files, so the plan pairs the two lists in one pass.
    private(set) var files: [File] = []
    /// The folders entered, relative to the root, parents before children: real folders, no links.
    private(set) var folders: [String] = []
    /// The regular files named as ``AtomicFile`` names its temporary files, below the generated folders and beside
    /// the generated files outside them, sorted by path bytes.
    private(set) var temporaries: [Temporary] = []
    /// How many more bytes of file content the walk reads: past it, it only lists, and the plan reads each
    /// file when it compares it, so that a large tree is not held in memory twice.
    private var budget: Int

    /// Lists the generated `folders` (relative paths) below the absolute path `root`, reading the files' bytes
    /// until `budget` bytes are read (4 MiB: a 400-app tree has 2.2 MiB), and the temporary files beside the
    /// generated files `outside` the folders (the Renovate preset, the schema).
    init(root: String, folders generated: [String], outside: [String] = [], budget: Int = 4 << 20) {
        base = root.hasSuffix("/") ? root : root + "/"
        self.budget = budget
        for folder in generated {
            guard let (descriptor, relative) = enter(folder) else { continue }
            if relative.isEmpty { close(descriptor) } else { list(descriptor, at: relative) }
        }
        for path in outside {
            let parts = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            guard let last = parts.last, let name = String(validating: last, as: UTF8.self) else { continue }
            let parent = String(decoding: path.utf8.dropLast(last.count + (parts.count > 1 ? 1 : 0)), as: UTF8.self)
            if let (descriptor, relative) = enter(parent) { list(descriptor, at: relative, only: name) }
        }
        // Nested generated folders are listed twice: each file is kept once.
        files.sort { $0.path.precedesInByteOrder($1.path) }
        files = files.indices.compactMap { index in
            index > 0 && files[index - 1].path.hasSameBytes(as: files[index].path) ? nil : files[index]
        }
        temporaries.sort { $0.path.precedesInByteOrder($1.path) }
        temporaries = temporaries.indices.compactMap { index in
            index > 0 && temporaries[index - 1].path.hasSameBytes(as: temporaries[index].path)
                ? nil : temporaries[index]
        }
    }

    /// The bytes of the file at `path` (relative to the root), nil when there is none; a symbolic link or a
    /// special file there is refused, and so is a file over ``FileSystem/maximumFileSize``.
    func read(_ path: String) throws(FileSystem.ReadFailure) -> [UInt8]? { try FileSystem.read(base + path) }

    /// Opens the folder `folder` (relative; empty for the root) one part at a time without following a link, and
    /// records the parts entered; nil when a part cannot be entered. Split by bytes, so that no part can climb
    /// out of the root.
    private mutating func enter(_ folder: String) -> (Int32, String)? {
        var descriptor = open(base, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        var relative = ""
        for part in folder.utf8.split(separator: UInt8(ascii: "/")).map({ String(decoding: $0, as: UTF8.self) })
        where descriptor >= 0 {
            let next =
                part == ".." || Self.isGit(part[...])
                ? -1 : openat(descriptor, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            close(descriptor)
            descriptor = next
            relative = relative.isEmpty ? part : relative + "/" + part
            if next >= 0 { folders.append(relative) }
        }
        return descriptor >= 0 ? (descriptor, relative) : nil
    }

    /// Whether `name` reaches git's folder on some file system (``RelativePath/isGitFolder(_:)``: `.git` in any case,
    /// `.git.`, `git~1`…), the rule the config's paths follow. Such a name's first ASCII byte is `.` or `g`, which
    /// tells most names apart at once; an ASCII name is then compared byte by byte, others by the rule itself.
    static func isGit(_ name: Substring) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first(where: { $0 < 0x80 }), first == UInt8(ascii: ".") || first | 0x20 == 0x67
        else { return false }
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return RelativePath.isGitFolder(name) }
        var trimmed = bytes[...]
        while let last = trimmed.last, last == UInt8(ascii: ".") || last == UInt8(ascii: " ") {
            trimmed = trimmed.dropLast()
        }
        let lowered = trimmed.map { $0 | 0x20 }  // ASCII letters to lowercase; '.', '~' and '1' stay
        return lowered.elementsEqual(".git".utf8) || lowered.elementsEqual("git~1".utf8)
    }

    /// Adds the files and folders below the open folder `descriptor` (at `relative`), and closes it. With `only`,
    /// adds just the temporary files of the file named `only`, and enters no folder.
    private mutating func list(_ descriptor: Int32, at relative: String, only: String? = nil) {
        guard let stream = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(stream) }
        let folder = dirfd(stream)
        let prefix = relative.isEmpty ? "" : relative + "/"
        while let entry = readdir(stream) {
            let decoded = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String? in
                let bytes = raw.prefix { $0 != 0 }
                let name = String(decoding: bytes, as: UTF8.self)
                // A name that is not UTF-8 decodes with replacement characters: mediactl writes none such.
                return bytes.allSatisfy({ $0 < 0x80 }) || name.utf8.elementsEqual(bytes) ? name : nil
            }
            guard let name = decoded, name != ".", name != "..", !Self.isGit(name[...]) else { continue }
            var isFile = entry.pointee.d_type == UInt8(DT_REG)
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {  // some file systems do not say: ask
                var info = stat()
                guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                isFile = info.st_mode & S_IFMT == S_IFREG
                isFolder = info.st_mode & S_IFMT == S_IFDIR
            }
            let path = prefix + name
            if let owner = AtomicFile.temporaryOwner(name) {
                // Only a regular file can be a leftover of a write; a folder or link of that name is the user's.
                if isFile, only.map({ name.hasPrefix("." + $0 + ".mediactl-") }) ?? true {
                    temporaries.append(Temporary(path: path, owner: owner))
                }
                continue
            }
            guard only == nil else { continue }
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
