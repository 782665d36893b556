import Foundation
import MediaImport
import MediaKit
import MediaRender

/// Plans and writes a rendered tree into the output root safely (PRODUCT.md §4): it never overwrites or
/// removes a file without the generated-file marker unless forced, removes stale generated files only under
/// the generated folders, writes each file atomically (temporary file in the same folder, then rename) and
/// leaves unchanged files untouched. It never writes through a symbolic link or outside the root.
struct FileTreeWriter {
    /// A problem that stops writing, with a message naming the path.
    struct Failure: Error {
        let message: String
    }

    /// The root's path followed by `/`, the prefix of every absolute path the writer touches.
    let base: String
    /// The files `mediactl import` adopted: ours although they lack the marker, while they hold the bytes import
    /// read (``isOurs(_:_:)``).
    let adoption: AdoptionRecord

    /// A writer for the tree under the file URL `root`, which may replace the files `adoption` names.
    init(root: URL, adoption: AdoptionRecord = AdoptionRecord()) {
        base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        self.adoption = adoption
    }

    /// Whether the file at `path` (relative to the root), holding `bytes`, is mediactl's to replace: its first line
    /// is the marker line (``MediaRender/isGenerated(_:path:)``), or `mediactl import` adopted exactly these bytes.
    /// The one rule every overwrite goes through.
    func isOurs(_ path: String, _ bytes: [UInt8]) -> Bool {
        MediaRender.isGenerated(bytes, path: path) || adoption.adopts(path, bytes: bytes)
    }

    /// Compares `files` with the disk: which are new, changed or unchanged, and which generated files and leftover
    /// temporary files of `tree` (the generated folders as they are, under the same root) the render removes.
    func plan(_ files: [RenderedFile], against tree: OutputTree) throws(Failure) -> TreePlan {
        if let git = gitFolderAboveRoot() {
            throw Failure(message: "refusing to write into '\(base)': it is inside '\(git)', which belongs to git")
        }
        // Both lists in byte order, so they are paired in one pass. The renderer's files come sorted.
        let isSorted = zip(files, files.dropFirst()).allSatisfy { $0.path.precedesInByteOrder($1.path) }
        let rendered = isSorted ? files : files.sorted { $0.path.precedesInByteOrder($1.path) }
        let found = tree.files
        // The walk entered its folders without following a link: they need no second look.
        var checked = CheckedFolders(safe: Set(tree.folders.map { BytePath($0) }))
        var changes: [TreePlan.Change] = []
        changes.reserveCapacity(rendered.count)
        var others: [OutputTree.File] = []
        var cursor = 0
        for file in rendered {
            // mediactl reads back no larger file: it would take it for the user's next time.
            guard file.contents.utf8.count <= FileSystem.maximumFileSize else {
                throw Failure(
                    message: "cannot write '\(file.path)': it would be larger than "
                        + "\(FileSystem.maximumFileSize >> 20) MiB, the most mediactl reads back")
            }
            // The file itself is checked by the read, which refuses a symbolic link.
            let mayExist = try check(file.path, checked: &checked, checkingFile: false)
            while cursor < found.count, found[cursor].path.precedesInByteOrder(file.path) {
                others.append(found[cursor])
                cursor += 1
            }
            var old: [UInt8]?
            if cursor < found.count, found[cursor].path.hasSameBytes(as: file.path) {
                old = found[cursor].bytes
                cursor += 1
            }
            // Read when the walk did not: a link, a folder or a special file may be in the way of a file it did
            // not find.
            do throws(FileSystem.ReadFailure) {
                if old == nil, mayExist { old = try tree.read(file.path) }
            } catch .tooLarge {
                changes.append(
                    TreePlan.Change(path: file.path, kind: .update, new: file.contents, handWritten: .oversized))
                continue
            } catch .symbolicLink {
                throw Failure(message: "refusing to write '\(file.path)': '\(file.path)' is a symbolic link")
            } catch .special(let kind) {
                throw Failure(
                    message: "refusing to replace '\(file.path)': it is \(kind), not a regular file, so mediactl did "
                        + "not write it; remove it")
            } catch {
                throw Failure(message: "cannot read '\(file.path)': \(error.message)")
            }
            guard let old else {
                changes.append(TreePlan.Change(path: file.path, kind: .add, new: file.contents))
                continue
            }
            if Self.hasSameBytes(old, file.contents) {
                changes.append(TreePlan.Change(path: file.path, kind: .unchanged, new: file.contents))
            } else {
                changes.append(
                    TreePlan.Change(
                        path: file.path, kind: .update, new: file.contents,
                        handWritten: isOurs(file.path, old) ? nil : .unmarked))
            }
        }
        others += found[cursor...]
        var removals = try removals(of: others, in: tree, checked: &checked)
        var inProgress: [OutputTree.Temporary] = []
        for temporary in tree.temporaries {
            guard !AtomicFile.isRunning(temporary.owner) else {
                inProgress.append(temporary)
                continue
            }
            _ = try check(temporary.path, checked: &checked)
            removals.append(TreePlan.Change(path: temporary.path, kind: .remove, isLeftover: true))
        }
        if !removals.isEmpty {
            changes += removals
            changes.sort { $0.path.precedesInByteOrder($1.path) }
        }
        return TreePlan(changes: changes, inProgress: inProgress)
    }

    /// Whether `bytes` are the UTF-8 bytes of `text`.
    private static func hasSameBytes(_ bytes: [UInt8], _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { text in
            bytes.withUnsafeBufferPointer { bytes in
                guard text.count == bytes.count else { return false }
                guard let left = text.baseAddress, let right = bytes.baseAddress else { return true }
                return memcmp(left, right, text.count) == 0
            }
        }
    }

    /// The generated files among `others` (files of `tree` that the render no longer produces). A file that
    /// cannot be read (too large, unreadable, gone) is not known to be generated, and stays.
    private func removals(
        of others: [OutputTree.File], in tree: OutputTree, checked: inout CheckedFolders
    ) throws(Failure) -> [TreePlan.Change] {
        var removals: [TreePlan.Change] = []
        for other in others {
            guard let bytes = other.bytes ?? (try? tree.read(other.path)) ?? nil,
                MediaRender.isGenerated(bytes, path: other.path)
            else { continue }
            _ = try check(other.path, checked: &checked)  // refuse now, before anything is written
            removals.append(TreePlan.Change(path: other.path, kind: .remove))
        }
        return removals
    }

    /// Carries out `plan`. Hand-written files must have been refused (or forced) by the caller.
    func apply(_ plan: TreePlan) throws(Failure) {
        var checked = CheckedFolders()
        for change in plan.effective {
            _ = try check(change.path, checked: &checked)
            if let new = change.new {
                do {
                    try AtomicFile.write(new, to: URL(fileURLWithPath: base + change.path, isDirectory: false))
                } catch {
                    throw Failure(message: "cannot write '\(change.path)': \(error.reason)")
                }
            } else {
                // `unlink` removes a file or a link itself, never a folder; a file already gone (a concurrent
                // render removed it) is the goal reached.
                guard unlink(base + change.path) == 0 || errno == ENOENT else {
                    throw Failure(message: "cannot remove '\(change.path)': \(String(cString: strerror(errno)))")
                }
                removeEmptyFolders(above: change.path)
            }
        }
    }

    /// The bytes of the file at the relative path `path` as they are now (for a diff), read as the plan reads.
    func read(_ path: String) throws(FileSystem.ReadFailure) -> [UInt8]? { try FileSystem.read(base + path) }

    /// The part of the root's real path that is a `.git` folder, if any: nothing is written inside git's folder. A
    /// root that does not exist yet is resolved from its nearest folder that does (a link there counts).
    private func gitFolderAboveRoot() -> String? {
        var missing: [Substring] = []
        var existing = Substring(base.dropLast())
        var resolved = realpath(String(existing), nil)
        while resolved == nil, let slash = existing.lastIndex(of: "/") {
            missing.insert(existing[existing.index(after: slash)...], at: 0)
            existing = existing[..<slash]
            resolved = realpath(existing.isEmpty ? "/" : String(existing), nil)
        }
        guard let resolved else { return nil }
        defer { free(resolved) }
        let parts = String(cString: resolved).split(separator: "/") + missing
        guard let index = parts.firstIndex(where: OutputTree.isGit) else { return nil }
        return "/" + parts[...index].joined(separator: "/")
    }

    // MARK: paths

    /// The folders on the way to written files that were checked. Keyed by their bytes (``BytePath``): a
    /// folder checked as `é` must not pass for `e` + U+0301, another name on disk.
    private struct CheckedFolders {
        /// Real folders, no symbolic link: entered by the walk, or looked at.
        var safe: Set<BytePath> = []
        /// Folders that do not exist yet (nothing below them can exist either).
        var missing: Set<BytePath> = []
    }

    /// Whether a file may be at the relative path `path` already (false when a folder on the way is missing).
    /// Refuses paths that could leave the root: absolute paths, `..`, and symbolic links anywhere on the way
    /// (the file itself only when `checkingFile`). Each folder is looked at once per run.
    private func check(
        _ path: String, checked: inout CheckedFolders, checkingFile: Bool = true
    ) throws(Failure) -> Bool {
        guard Self.isPlainRelative(path) else {
            throw Failure(message: "refusing to write '\(path)': not a plain relative path")
        }
        var folderIsMissing = false
        let bytes = path.utf8
        let gitFolder = Failure(message: "refusing to write '\(path)': '.git' belongs to git")
        let lastSlash = bytes.lastIndex(of: UInt8(ascii: "/"))
        if OutputTree.isGit(path[(lastSlash.map { bytes.index(after: $0) } ?? bytes.startIndex)...]) { throw gitFolder }
        // A folder is known safe only once every folder above it is: most files share a safe folder. A safe folder
        // was entered by the walk or looked at here, and neither takes git's folder.
        if let lastSlash, !checked.safe.contains(BytePath(path[..<lastSlash])) {
            var start = bytes.startIndex
            for slash in bytes.indices where bytes[slash] == UInt8(ascii: "/") {
                defer { start = bytes.index(after: slash) }
                let folder = BytePath(path[..<slash])
                if checked.safe.contains(folder) { continue }
                if OutputTree.isGit(path[start..<slash]) { throw gitFolder }
                if folderIsMissing || checked.missing.contains(folder) {
                    folderIsMissing = true
                    checked.missing.insert(folder)
                    continue
                }
                switch FileSystem.kind(of: base + folder.text) {
                case .symbolicLink:
                    throw Failure(message: "refusing to write '\(path)': '\(folder)' is a symbolic link")
                case nil:
                    folderIsMissing = true
                    checked.missing.insert(folder)
                case .directory:
                    checked.safe.insert(folder)
                case .regular:
                    throw Failure(message: "cannot write '\(path)': '\(folder)' is a file, not a folder")
                case .special(let kind):
                    throw Failure(message: "cannot write '\(path)': '\(folder)' is \(kind), not a folder")
                }
            }
        }
        if checkingFile, !folderIsMissing, FileSystem.kind(of: base + path) == .symbolicLink {
            throw Failure(message: "refusing to write '\(path)': '\(path)' is a symbolic link")
        }
        return !folderIsMissing
    }

    /// Whether `path` is relative and has no empty, `.` or `..` part. Looked at byte by byte: split by
    /// characters, a `/` followed by a combining mark would not separate two parts.
    private static func isPlainRelative(_ path: String) -> Bool {
        var partLength = 0
        var partIsDots = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if partLength == 0 || (partIsDots && partLength <= 2) { return false }
                partLength = 0
                partIsDots = true
            } else {
                partLength += 1
                partIsDots = partIsDots && byte == UInt8(ascii: ".")
            }
        }
        return partLength > 0 && !(partIsDots && partLength <= 2)
    }

    /// Removes the folders a removal at `path` left empty, up to (not including) the root. `rmdir` removes only
    /// an empty folder, and never through a link.
    private func removeEmptyFolders(above path: String) {
        var folder = Substring(path)
        while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
            folder = folder[..<slash]
            guard rmdir(base + folder) == 0 else { return }
        }
    }
}
