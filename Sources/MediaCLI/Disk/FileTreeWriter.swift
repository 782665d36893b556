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

    private var fileManager: FileManager { .default }

    /// Whether `text` carries the marker in its first lines, so mediactl generated it.
    static func isGenerated(_ text: String) -> Bool {
        text.split(separator: "\n", maxSplits: 4, omittingEmptySubsequences: false).prefix(4)
            .contains { $0.contains(MediaRender.generatedMarker) }
    }

    /// Whether the file at `path` (relative to the root), holding `text`, is mediactl's to replace: it carries the
    /// marker, or `mediactl import` adopted exactly these bytes. The one rule every overwrite goes through.
    func isOurs(_ path: String, _ text: String) -> Bool {
        Self.isGenerated(text) || adoption.adopts(path, bytes: Array(text.utf8))
    }

    /// Compares `files` with the disk: which are new, changed or unchanged, and which generated files of
    /// `tree` (the generated folders as they are, under the same root) the render no longer produces.
    func plan(_ files: [RenderedFile], against tree: OutputTree) throws(Failure) -> TreePlan {
        // Both lists in byte order, so they are paired in one pass. The renderer's files come sorted.
        let isSorted = zip(files, files.dropFirst()).allSatisfy { $0.path.precedesInByteOrder($1.path) }
        let rendered = isSorted ? files : files.sorted { $0.path.precedesInByteOrder($1.path) }
        let found = tree.files
        // The walk entered its folders without following a link: they need no second look.
        var checked = CheckedFolders(safe: Set(tree.folders.map { BytePath($0) }))
        var changes: [TreePlan.Change] = []
        changes.reserveCapacity(rendered.count)
        var handWritten: [String] = []
        var others: [OutputTree.File] = []
        var cursor = 0
        for file in rendered {
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
            // Read when the walk did not: a link or a folder may be in the way of a file it did not find.
            do throws(FileSystem.ReadFailure) {
                if old == nil, mayExist { old = try tree.read(file.path) }
            } catch .symbolicLink {
                throw Failure(message: "refusing to write '\(file.path)': '\(file.path)' is a symbolic link")
            } catch {
                throw Failure(message: "cannot read '\(file.path)': \(error.message)")
            }
            guard let old else {
                changes.append(TreePlan.Change(path: file.path, kind: .add, old: nil, new: file.contents))
                continue
            }
            if Self.hasSameBytes(old, file.contents) {
                // The old text is not kept: nothing needs it, and on a large tree it would double the memory.
                changes.append(TreePlan.Change(path: file.path, kind: .unchanged, old: nil, new: file.contents))
            } else {
                let text = String(decoding: old, as: UTF8.self)
                if !isOurs(file.path, text) { handWritten.append(file.path) }
                changes.append(TreePlan.Change(path: file.path, kind: .update, old: text, new: file.contents))
            }
        }
        others += found[cursor...]
        let removals = try removals(of: others, in: tree, checked: &checked)
        if !removals.isEmpty {
            changes += removals
            changes.sort { $0.path.precedesInByteOrder($1.path) }
        }
        return TreePlan(changes: changes, handWritten: handWritten)
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

    /// The generated files among `others` (files of `tree` that the render no longer produces).
    private func removals(
        of others: [OutputTree.File], in tree: OutputTree, checked: inout CheckedFolders
    ) throws(Failure) -> [TreePlan.Change] {
        var removals: [TreePlan.Change] = []
        for other in others {
            guard let bytes = other.bytes ?? (try? tree.read(other.path)) ?? nil else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            guard Self.isGenerated(text) else { continue }
            _ = try check(other.path, checked: &checked)  // refuse now, before anything is written
            removals.append(TreePlan.Change(path: other.path, kind: .remove, old: text, new: nil))
        }
        return removals
    }

    /// Carries out `plan`. Hand-written files must have been refused (or forced) by the caller.
    func apply(_ plan: TreePlan) throws(Failure) {
        var checked = CheckedFolders()
        for change in plan.effective {
            _ = try check(change.path, checked: &checked)
            let url = URL(fileURLWithPath: base + change.path, isDirectory: false)
            if let new = change.new {
                try writeAtomically(new, to: url, path: change.path)
            } else {
                do {
                    try fileManager.removeItem(at: url)
                } catch  where !fileManager.fileExists(atPath: url.path) {
                    // Already gone (a concurrent render removed it): the goal is reached.
                } catch {
                    throw Failure(message: "cannot remove '\(change.path)': \(error.localizedDescription)")
                }
                removeEmptyFolders(above: url)
            }
        }
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
        // A folder is known safe only once every folder above it is: most files share a safe folder.
        if let slash = bytes.lastIndex(of: UInt8(ascii: "/")), !checked.safe.contains(BytePath(path[..<slash])) {
            for slash in bytes.indices where bytes[slash] == UInt8(ascii: "/") {
                let folder = BytePath(path[..<slash])
                if folderIsMissing || checked.missing.contains(folder) {
                    folderIsMissing = true
                    checked.missing.insert(folder)
                    continue
                }
                if checked.safe.contains(folder) { continue }
                switch FileSystem.kind(of: base + folder.text) {
                case .symbolicLink:
                    throw Failure(message: "refusing to write '\(path)': '\(folder)' is a symbolic link")
                case nil:
                    folderIsMissing = true
                    checked.missing.insert(folder)
                case .directory:
                    checked.safe.insert(folder)
                case .regular, .other:
                    throw Failure(message: "cannot write '\(path)': '\(folder)' is a file, not a folder")
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

    // MARK: writing

    private func writeAtomically(_ text: String, to url: URL, path: String) throws(Failure) {
        do {
            try AtomicFile.write(text, to: url)
        } catch {
            throw Failure(message: "cannot write '\(path)': \(error.reason)")
        }
    }

    /// Removes the folders a removal left empty, up to (not including) the root.
    private func removeEmptyFolders(above url: URL) {
        var folder = url.deletingLastPathComponent()
        while folder.path.count > max(base.count - 1, 1),  // below the root
            (try? fileManager.contentsOfDirectory(atPath: folder.path))?.isEmpty == true
        {
            try? fileManager.removeItem(at: folder)
            folder = folder.deletingLastPathComponent()
        }
    }
}
