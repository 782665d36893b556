import Foundation
import MediaImport
import MediaKit
import MediaRender
import MediaThreads

/// Writes a rendered tree into the output root safely (PRODUCT.md §4): it never overwrites or removes a
/// file without the generated-file marker unless forced, removes stale generated files only under the
/// managed directories, writes each file atomically (temporary file in the same folder, then rename) and
/// leaves unchanged files untouched.
struct FileTreeWriter {
    /// A problem that stops writing, with a message naming the path.
    struct Failure: Error {
        let message: String
    }

    /// The root of the Flux repository, an absolute path.
    let rootPath: String
    /// The root's path followed by `/`, the prefix of every absolute path the writer touches.
    let base: String
    /// The files `mediactl import` adopted: ours although they lack the marker, while they hold the bytes import
    /// read (``isOurs(_:_:)``).
    let adoption: AdoptionRecord

    /// A writer for the tree under the absolute path `root`, which may replace the files `adoption` names.
    init(root: String, adoption: AdoptionRecord = AdoptionRecord()) {
        rootPath = root
        base = root.hasSuffix("/") ? root : root + "/"
        self.adoption = adoption
    }

    /// A writer for the tree under the file URL `root`.
    init(root: URL) { self.init(root: root.path) }

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

    /// Starts walking `directories` for ``plan(_:managedDirectories:lanes:snapshot:)``, on a background thread
    /// when `inBackground`.
    func snapshot(of directories: [String], inBackground: Bool) -> TreeSnapshot {
        TreeSnapshot(root: base, directories: directories, inBackground: inBackground)
    }

    /// Compares `files` with the disk: which are new, changed, unchanged, and which generated files under
    /// `managedDirectories` are stale. `snapshot` is the walk of the managed directories started before
    /// rendering (when nil, they are walked now); files it did not read are read on up to `lanes` threads.
    func plan(
        _ files: [RenderedFile], managedDirectories: [String], lanes: Int = 1, snapshot: TreeSnapshot? = nil
    ) throws(Failure) -> TreePlan {
        let before = (snapshot ?? TreeSnapshot(root: base, directories: managedDirectories)).take()
        let rest = TreeSnapshot.listing(root: base, folders: before.unwalked).files
        // The files found, and the rendered files, in byte order: paired in one pass.
        let found = TreeSnapshot.merged(before.files, rest)
        let rendered = Self.inByteOrder(files)
        // The snapshot entered its folders without following a link: they need no second look.
        var checked = CheckedFolders(walked: Set(before.folders))
        var sources: [Source] = []
        sources.reserveCapacity(rendered.count)
        var others: [TreeSnapshot.FoundFile] = []
        var cursor = 0
        for file in rendered {
            // The file itself is checked by the read, which refuses a symbolic link.
            let mayExist = try check(file.path, checked: &checked, checkingFile: false)
            while cursor < found.count, found[cursor].path.precedesInByteOrder(file.path) {
                others.append(found[cursor])
                cursor += 1
            }
            if cursor < found.count, found[cursor].path.hasSameBytes(as: file.path) {
                if let bytes = found[cursor].bytes {
                    sources.append(.read(bytes))
                } else {
                    sources.append(mayExist ? .disk(base + file.path) : .nothing)
                }
                cursor += 1
            } else {
                sources.append(mayExist ? .disk(base + file.path) : .nothing)
            }
        }
        others += found[cursor...]
        let existing = Self.compare(rendered, with: sources, lanes: lanes)
        var changes: [TreePlan.Change] = []
        changes.reserveCapacity(rendered.count)
        var handWritten: [String] = []
        for (file, existing) in zip(rendered, existing) {
            switch existing {
            case .missing:
                changes.append(TreePlan.Change(path: file.path, kind: .add, old: nil, new: file.contents))
            case .same:
                // The old text is not kept: nothing needs it, and on a large tree it would double the memory.
                changes.append(TreePlan.Change(path: file.path, kind: .unchanged, old: nil, new: file.contents))
            case .different(let old):
                if !isOurs(file.path, old) { handWritten.append(file.path) }
                changes.append(TreePlan.Change(path: file.path, kind: .update, old: old, new: file.contents))
            case .unreadable(.symbolicLink):
                throw Failure(message: "refusing to write '\(file.path)': '\(file.path)' is a symbolic link")
            case .unreadable(let failure):
                throw Failure(message: "cannot read '\(file.path)': \(failure.message)")
            }
        }
        let removals = try removals(of: others, checked: &checked)
        if !removals.isEmpty {
            changes += removals
            changes.sort { $0.path.precedesInByteOrder($1.path) }
        }
        return TreePlan(changes: changes, handWritten: handWritten)
    }

    /// `files` sorted by path bytes: as they are when they come from the renderer.
    private static func inByteOrder(_ files: [RenderedFile]) -> [RenderedFile] {
        files.isStrictlyInByteOrder(of: \.path) ? files : files.sorted { $0.path.precedesInByteOrder($1.path) }
    }

    /// The generated files among `others` (files under the managed folders that the render no longer
    /// produces, in path order).
    private func removals(
        of others: [TreeSnapshot.FoundFile], checked: inout CheckedFolders
    ) throws(Failure) -> [TreePlan.Change] {
        var removals: [TreePlan.Change] = []
        for other in others {
            guard
                let text = other.bytes.map({ String(decoding: $0, as: UTF8.self) })
                    ?? (try? FileSystem.read(base + other.path)),
                Self.isGenerated(text)
            else { continue }
            _ = try check(other.path, checked: &checked)  // refuse now, before anything is written
            removals.append(TreePlan.Change(path: other.path, kind: .remove, old: text, new: nil))
        }
        return removals
    }

    /// Where the text on disk at a rendered file's path comes from.
    private enum Source {
        /// No file can be there: a folder on the way is missing.
        case nothing
        /// The snapshot read it.
        case read([UInt8])
        /// It is read now, from this absolute path.
        case disk(String)
    }

    /// What is on disk where a rendered file goes.
    private enum Existing {
        case missing
        case same
        case different(String)
        case unreadable(FileSystem.ReadFailure)
    }

    /// Compares each rendered file with its text on disk, reading what the snapshot did not, on `lanes`
    /// threads when 64 files or more are read here; each file fills only its own slot.
    private static func compare(_ files: [RenderedFile], with sources: [Source], lanes: Int) -> [Existing] {
        var found = [Existing](repeating: .missing, count: files.count)
        // Comparing bytes the snapshot read is quick; only reads from the disk are worth more threads.
        let reads = sources.count { if case .disk = $0 { true } else { false } }
        let lanes = reads < 64 ? 1 : min(max(lanes, 1), 8)
        found.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            Lanes.run(iterations: files.count, lanes: lanes) { index in
                slots[index] = existing(sources[index], rendered: files[index].contents)
            }
        }
        return found
    }

    /// What `source` holds compared with `rendered`, byte for byte.
    private static func existing(_ source: Source, rendered: String) -> Existing {
        let bytes: [UInt8]
        switch source {
        case .nothing:
            return .missing
        case .read(let read):
            bytes = read
        case .disk(let place):
            do {
                guard let read = try FileSystem.bytes(of: place) else { return .missing }
                bytes = read
            } catch {
                return .unreadable(error)
            }
        }
        var rendered = rendered
        let same = rendered.withUTF8 { text in
            bytes.withUnsafeBufferPointer { old in
                guard text.count == old.count else { return false }
                guard let left = text.baseAddress, let right = old.baseAddress else { return true }
                return memcmp(left, right, text.count) == 0
            }
        }
        return same ? .same : .different(String(decoding: bytes, as: UTF8.self))
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

    /// The folders on the way to written files that were checked: those the snapshot entered, those that
    /// exist and are no symbolic link, and those that do not exist yet (nothing below them can exist either).
    private struct CheckedFolders {
        /// The folders the snapshot entered. A `String` set matches canonically equal names, so a match counts
        /// only when its bytes are the same; it hashes with the conformance the process already looked up,
        /// where the first ``BytePath`` set costs a scan of every library's conformances.
        var walked: Set<String> = []
        var safe: Set<BytePath> = []
        var missing: Set<BytePath> = []
        /// The folder of the last file found safe: paths come sorted, so most files share it, and comparing
        /// it costs less than looking it up.
        var lastSafe: Substring?

        /// Whether `folder` is known to be safe.
        func isSafe(_ folder: Substring) -> Bool {
            let name = String(folder)
            if let index = walked.firstIndex(of: name), walked[index].hasSameBytes(as: name) { return true }
            return !safe.isEmpty && safe.contains(BytePath(folder))
        }
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
        if let lastSlash = Self.lastSlash(in: path) {
            let parent = path[..<lastSlash]
            if let lastSafe = checked.lastSafe, BytePath(lastSafe) == BytePath(parent) {
                // The same folder as the last file's.
            } else if checked.isSafe(parent) {
                checked.lastSafe = parent
            } else if !checked.missing.isEmpty, checked.missing.contains(BytePath(parent)) {
                folderIsMissing = true
            } else {
                for slash in path.utf8.indices where path.utf8[slash] == UInt8(ascii: "/") {
                    let folder = BytePath(path[..<slash])
                    if folderIsMissing || checked.missing.contains(folder) {
                        folderIsMissing = true
                        checked.missing.insert(folder)
                        continue
                    }
                    if checked.isSafe(folder.text) { continue }
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
        }
        if checkingFile, !folderIsMissing, FileSystem.kind(of: base + path) == .symbolicLink {
            throw Failure(message: "refusing to write '\(path)': '\(path)' is a symbolic link")
        }
        return !folderIsMissing
    }

    /// The index of the last `/` in `path`, found over its bytes (the generic search cost 500 instructions
    /// for each rendered file).
    private static func lastSlash(in path: String) -> String.Index? {
        let bytes = path.utf8
        if let offset = bytes.withContiguousStorageIfAvailable({ $0.lastIndex(of: UInt8(ascii: "/")) }) {
            return offset.map { bytes.index(bytes.startIndex, offsetBy: $0) }
        }
        return bytes.lastIndex(of: UInt8(ascii: "/"))
    }

    /// Whether `path` is relative and has no empty, `.` or `..` part.
    private static func isPlainRelative(_ path: String) -> Bool {
        path.utf8.withContiguousStorageIfAvailable(isPlainRelative) ?? isPlainRelative(Array(path.utf8)[...])
    }

    private static func isPlainRelative<Bytes: Collection<UInt8>>(_ path: Bytes) -> Bool {
        var partLength = 0
        var partIsDots = true
        for byte in path {
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
        while folder.path.count > rootPath.count,
            (try? fileManager.contentsOfDirectory(atPath: folder.path))?.isEmpty == true
        {
            try? fileManager.removeItem(at: folder)
            folder = folder.deletingLastPathComponent()
        }
    }
}
