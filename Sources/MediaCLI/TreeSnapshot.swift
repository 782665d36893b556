import Foundation
import MediaThreads

/// The files under the managed folders as they are before a render: every regular file's path, and its
/// bytes up to a memory budget. `render` and `check` start it on a helper thread on another core
/// (``HelperThread``) as soon as the config is found (``ConfigSession/open(_:_:snapshotsOutput:)``), so the
/// disk work overlaps decoding, validation and the single-threaded layout, and the plan compares without
/// reading.
///
/// The walk never follows a symbolic link: each folder is opened relative to its parent with `O_NOFOLLOW`,
/// starting at the output root, so every folder it entered is a real folder. Temporary files of a write in
/// progress are left out.
final class TreeSnapshot: @unchecked Sendable {
    /// What the walk found.
    struct Contents {
        /// Every regular file below the walked folders, by path relative to the root: its bytes, or nil when
        /// it was not read (over the budget, or unreadable: the plan reads it again and reports why).
        var files: [BytePath: [UInt8]?] = [:]
        /// The folders the walk entered, relative to the root: each was a real folder, no symbolic link.
        var folders: Set<BytePath> = []
        /// The folders below which the walk stopped when its budget ran out, for the plan to list with
        /// ``listing(root:folders:)`` (a large tree is read in the plan, not held twice). A managed folder
        /// that cannot be entered (a symbolic link, a file, no permission) is neither walked nor listed:
        /// nothing is removed through it, and a file rendered below it is refused when it is checked.
        var unwalked: [String] = []
    }

    /// At most about this many bytes of file content are read (1 MiB; a 40-app tree has 0.22 MiB). Past it,
    /// the walk lists no further folders: on a large tree the snapshot would raise the render's peak memory
    /// (it is held while the tree is emitted), so the plan reads the rest as it did before.
    static let defaultBudget = 1 << 20

    /// The root the walk started from (a path ending in `/`).
    let root: String
    /// The folders walked, relative to the root.
    let directories: [String]

    private let walked: Walked
    /// Signalled when the walk has finished.
    private let finished = DispatchSemaphore(value: 0)

    /// Walks `directories` below `root` (a path ending in `/`): on the first helper thread when
    /// `inBackground` and it can be started, else before returning.
    init(root: String, directories: [String], budget: Int = defaultBudget, inBackground: Bool = false) {
        self.root = root
        self.directories = directories
        let walked = Walked()
        self.walked = walked
        let finished = finished
        let walk = { @Sendable in
            walked.contents = Self.walk(root: root, directories: directories, budget: budget)
            finished.signal()
        }
        // On helper 0, which runs the emitting lane handed to it later only once the walk is done.
        if inBackground, let helper = HelperThread.numbered(0) {
            helper.run(walk)
        } else {
            walk()
        }
    }

    /// Every regular file below `folders` (relative to `root`, which ends in `/`), listed the same way but
    /// none read, with no budget: what the plan lists of the folders a snapshot left.
    static func listing(root: String, folders: [String]) -> Contents {
        walk(root: root, directories: folders, budget: 0, stopsAtBudget: false)
    }

    /// What the walk found, once it has finished. Call it once.
    func take() -> Contents {
        finished.wait()
        return walked.contents
    }

    /// Where the walking thread leaves what it found; read after ``finished`` is signalled.
    private final class Walked: @unchecked Sendable {
        var contents = Contents()
    }

    // MARK: walking

    private static func walk(root: String, directories: [String], budget: Int, stopsAtBudget: Bool = true) -> Contents {
        var contents = Contents()
        var budget = budget
        let rootFolder = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootFolder >= 0 else { return contents }
        defer { close(rootFolder) }
        for directory in directories {
            var folder = rootFolder
            var relative = ""
            var entered = true
            for part in directory.split(separator: "/") {
                let next = openat(folder, String(part), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if folder != rootFolder { close(folder) }
                guard next >= 0 else {
                    entered = false
                    break
                }
                folder = next
                relative = relative.isEmpty ? String(part) : relative + "/" + part
                contents.folders.insert(BytePath(relative))
            }
            if entered, folder != rootFolder {
                list(folder, at: relative, into: &contents, budget: &budget, stopsAtBudget: stopsAtBudget)
            }
        }
        return contents
    }

    /// Lists the open folder `descriptor` (at `relative`) and the folders below it, and closes it.
    private static func list(
        _ descriptor: Int32, at relative: String, into contents: inout Contents, budget: inout Int,
        stopsAtBudget: Bool
    ) {
        defer { close(descriptor) }
        let folder = descriptor
        var subfolders: [String] = []
        _ = FolderEntries.forEach(in: folder) { name, listedType in
            if AtomicFile.isTemporary(name) { return }
            var type = listedType
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }
                switch info.st_mode & S_IFMT {
                case S_IFREG: type = UInt8(DT_REG)
                case S_IFDIR: type = UInt8(DT_DIR)
                default: return
                }
            }
            if type == UInt8(DT_DIR) {
                subfolders.append(name)
            } else if type == UInt8(DT_REG) {
                var bytes: [UInt8]?
                if budget > 0, let read = try? FileSystem.bytes(named: name, in: folder) {
                    bytes = read
                    budget -= read.count
                }
                contents.files.updateValue(bytes, forKey: BytePath(relative + "/" + name))
            }
        }
        for name in subfolders {
            let path = relative + "/" + name
            guard budget > 0 || !stopsAtBudget else {
                contents.unwalked.append(path)
                continue
            }
            let child = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0 else { continue }  // gone, or replaced by a link since it was listed
            contents.folders.insert(BytePath(path))
            list(child, at: path, into: &contents, budget: &budget, stopsAtBudget: stopsAtBudget)
        }
    }
}
