import Foundation
import MediaThreads
import Synchronization

/// The files under the managed folders as they are before a render: every regular file's path, and its
/// bytes up to a memory budget. `render`, `diff` and `check` start it on a helper thread on another core
/// (``HelperThread``) first thing in `main()` (``ConfigSession/prefetchSnapshot(arguments:currentDirectoryPath:)``),
/// or else as soon as the config is found (``ConfigSession/open(_:_:snapshotsOutput:)``), so the disk work
/// overlaps setting up, decoding, validation and the single-threaded layout, and the plan compares without
/// reading. Files come out in the byte order of their paths, the order of the rendered files.
///
/// The walk never follows a symbolic link: each folder is opened relative to its parent with `O_NOFOLLOW`,
/// starting at the output root, so every folder it entered is a real folder. Temporary files of a write in
/// progress are left out.
final class TreeSnapshot: @unchecked Sendable {
    /// What the walk found. Paths are relative to the root.
    struct Contents {
        /// Every regular file below the walked folders, each once, sorted by path bytes: the order of the
        /// rendered files, so the plan pairs them in one pass instead of looking each one up.
        var files: [FoundFile] = []
        /// The folders the walk entered, each a real folder, no symbolic link; parents before children.
        var folders: [String] = []
        /// The folders below which the walk stopped when its budget ran out, for the plan to list with
        /// ``listing(root:folders:)`` (a large tree is read in the plan, not held twice). A managed folder
        /// that cannot be entered (a symbolic link, a file, no permission) is neither walked nor listed:
        /// nothing is removed through it, and a file rendered below it is refused when it is checked.
        var unwalked: [String] = []
    }

    /// `files` sorted by path bytes, each path once: a file listed twice would be paired with a rendered file
    /// once and taken the second time for one the render no longer produces.
    static func inByteOrder(_ files: [FoundFile]) -> [FoundFile] {
        if files.isStrictlyInByteOrder(of: \.path) { return files }
        var files = files
        files.sort { $0.path.precedesInByteOrder($1.path) }
        files.removeRepeats { $0.path.hasSameBytes(as: $1.path) }
        return files
    }

    /// The files of two lists in byte order, each path once (the first list's when both have it): a walk's
    /// files and the listing of what it left. Both lists are in byte order, as walks give them.
    static func merged(_ first: [FoundFile], _ second: [FoundFile]) -> [FoundFile] {
        var merged: [FoundFile] = []
        merged.reserveCapacity(first.count + second.count)
        var left = 0
        var right = 0
        while left < first.count, right < second.count {
            if second[right].path.precedesInByteOrder(first[left].path) {
                merged.append(second[right])
                right += 1
            } else {
                if first[left].path.hasSameBytes(as: second[right].path) { right += 1 }
                merged.append(first[left])
                left += 1
            }
        }
        merged += first[left...]
        merged += second[right...]
        return merged
    }

    /// A regular file the walk found.
    struct FoundFile: Equatable {
        /// Its path relative to the root.
        var path: String
        /// Its bytes, or nil when they were not read (over the budget, or unreadable: the plan reads it again
        /// and reports why).
        var bytes: [UInt8]?
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
        folders.isEmpty ? Contents() : walk(root: root, directories: folders, budget: 0, stopsAtBudget: false)
    }

    /// A snapshot started before its command asked for one
    /// (``ConfigSession/prefetchSnapshot(arguments:currentDirectoryPath:)``).
    nonisolated(unsafe) private static var prefetched: TreeSnapshot?
    private static let prefetchLock = Mutex(())

    /// Keeps `snapshot` for the command that will ask for it.
    static func prefetch(_ snapshot: TreeSnapshot) {
        prefetchLock.withLock { _ in prefetched = snapshot }
    }

    /// The snapshot kept by ``prefetch(_:)``, when it walks `directories` under `root`; each is handed out once.
    static func takePrefetched(root: String, directories: [String]) -> TreeSnapshot? {
        prefetchLock.withLock { _ in
            guard let snapshot = prefetched, snapshot.root == root, snapshot.directories == directories else {
                return nil
            }
            prefetched = nil
            return snapshot
        }
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
        let reader = WholeFileReader()
        defer { close(rootFolder) }
        // Each folder's files come out in byte order (see `list`), and so do all of them when the folders are
        // taken in that order and none lies inside another; else they are sorted at the end.
        for directory in Entry.sortedAsPaths(directories.map { Entry(name: $0, isFolder: true) }).map(\.name) {
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
                relative = relative.isEmpty ? String(part) : relative + "/" + String(part)
                contents.folders.append(relative)
            }
            if entered, folder != rootFolder {
                list(
                    folder, at: relative, reading: reader, into: &contents, budget: &budget,
                    stopsAtBudget: stopsAtBudget)
            }
        }
        contents.files = inByteOrder(contents.files)
        return contents
    }

    /// Lists the open folder `descriptor` (at `relative`) and the folders below it, and closes it. The entries
    /// are taken in the byte order of their paths, each folder's just before what sorts after everything
    /// below it, so files are found in the byte order of their paths.
    private static func list(
        _ descriptor: Int32, at relative: String, reading reader: WholeFileReader, into contents: inout Contents,
        budget: inout Int, stopsAtBudget: Bool
    ) {
        defer { close(descriptor) }
        let folder = descriptor
        var entries: [Entry] = []
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
            if type == UInt8(DT_DIR) || type == UInt8(DT_REG) {
                entries.append(Entry(name: name, isFolder: type == UInt8(DT_DIR)))
            }
        }
        for entry in Entry.sortedAsPaths(entries) {
            let path = relative + "/" + entry.name
            guard entry.isFolder else {
                var bytes: [UInt8]?
                if budget > 0, let read = reader.bytes(named: entry.name, in: folder) {
                    bytes = read
                    budget -= read.count
                }
                contents.files.append(FoundFile(path: path, bytes: bytes))
                continue
            }
            guard budget > 0 || !stopsAtBudget else {
                contents.unwalked.append(path)
                continue
            }
            let child = entry.name.withCString { openat(folder, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
            guard child >= 0 else { continue }  // gone, or replaced by a link since it was listed
            contents.folders.append(path)
            list(child, at: path, reading: reader, into: &contents, budget: &budget, stopsAtBudget: stopsAtBudget)
        }
    }

    /// A file or folder in a folder.
    private struct Entry {
        var name: String
        var isFolder: Bool

        /// Whether the paths of this entry sort before those of `other`, by bytes: a folder counts as its
        /// name followed by `/`, the start of every path below it.
        func sortsBefore(_ other: Entry) -> Bool {
            var left = name
            var right = other.name
            return left.withUTF8 { leftBytes in
                right.withUTF8 { rightBytes in
                    var index = 0
                    while true {
                        let leftByte = Self.byte(at: index, of: leftBytes, isFolder: isFolder)
                        let rightByte = Self.byte(at: index, of: rightBytes, isFolder: other.isFolder)
                        if leftByte != rightByte { return leftByte < rightByte }
                        if leftByte < 0 { return false }
                        index += 1
                    }
                }
            }
        }

        /// `entries` in the byte order of their paths, by insertion: a folder holds a few entries.
        static func sortedAsPaths(_ entries: [Entry]) -> [Entry] {
            var entries = entries
            for index in entries.indices.dropFirst() {
                var place = index
                while place > 0, entries[index].sortsBefore(entries[place - 1]) { place -= 1 }
                if place < index { entries.insert(entries.remove(at: index), at: place) }
            }
            return entries
        }

        /// The byte at `index` of `name` followed by `/` for a folder, or -1 past the end.
        private static func byte(at index: Int, of name: UnsafeBufferPointer<UInt8>, isFolder: Bool) -> Int {
            if index < name.count { return Int(name[index]) }
            return index == name.count && isFolder ? Int(UInt8(ascii: "/")) : -1
        }
    }
}
