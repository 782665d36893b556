import Foundation
import MediaKit
import MediaRender

/// Writes a rendered tree into the output root safely (PRODUCT.md §4): it never overwrites or removes a
/// file without the generated-file marker unless forced, removes stale generated files only under the
/// managed directories, writes each file atomically (temporary file in the same folder, then rename) and
/// leaves unchanged files untouched.
struct FileTreeWriter {
    /// A problem that stops writing, with a message naming the path.
    struct Failure: Error {
        let message: String
    }

    /// The root of the Flux repository.
    let root: URL

    private var fileManager: FileManager { .default }

    /// Whether `text` carries the marker in its first lines, so mediactl generated it.
    static func isGenerated(_ text: String) -> Bool {
        text.split(separator: "\n", maxSplits: 4, omittingEmptySubsequences: false).prefix(4)
            .contains { $0.contains(MediaRender.generatedMarker) }
    }

    /// Compares `files` with the disk: which are new, changed, unchanged, and which generated files under
    /// `managedDirectories` are stale.
    func plan(_ files: [RenderedFile], managedDirectories: [String]) throws(Failure) -> TreePlan {
        var changes: [TreePlan.Change] = []
        var handWritten: [String] = []
        var checked = CheckedFolders()
        let rendered = Set(files.map(\.path))
        for file in files {
            let target = try target(file.path, checked: &checked)
            guard target.mayExist, let old = try read(target.path, path: file.path) else {
                changes.append(TreePlan.Change(path: file.path, kind: .add, old: nil, new: file.contents))
                continue
            }
            if old == file.contents {
                // The old text is not kept: nothing needs it, and on a large tree it would double the memory.
                changes.append(TreePlan.Change(path: file.path, kind: .unchanged, old: nil, new: file.contents))
                continue
            }
            if !Self.isGenerated(old) { handWritten.append(file.path) }
            changes.append(TreePlan.Change(path: file.path, kind: .update, old: old, new: file.contents))
        }
        for directory in managedDirectories {
            let base = root.path + "/" + directory
            for relative in FileSystem.regularFiles(under: base) {
                let path = directory + "/" + relative
                let name = relative.split(separator: "/").last.map(String.init) ?? relative
                guard !rendered.contains(path), !AtomicFile.isTemporary(name),
                    let text = try? FileSystem.read(base + "/" + relative),
                    Self.isGenerated(text)
                else { continue }
                _ = try target(path, checked: &checked)  // refuse now, before anything is written
                changes.append(TreePlan.Change(path: path, kind: .remove, old: text, new: nil))
            }
        }
        changes.sort { $0.path.precedesInByteOrder($1.path) }
        return TreePlan(changes: changes, handWritten: handWritten)
    }

    /// Carries out `plan`. Hand-written files must have been refused (or forced) by the caller.
    func apply(_ plan: TreePlan) throws(Failure) {
        var checked = CheckedFolders()
        for change in plan.effective {
            let url = URL(fileURLWithPath: try target(change.path, checked: &checked).path, isDirectory: false)
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

    /// The folders on the way to written files that were checked: those that exist and are no symbolic link,
    /// and those that do not exist yet (nothing below them can exist either).
    private struct CheckedFolders {
        var safe: Set<Substring> = []
        var missing: Set<Substring> = []
    }

    /// The absolute path of a relative path, and whether a file may be there already (false when a folder on
    /// the way is missing). Refuses paths that could leave the root: absolute paths, `..`, and symbolic
    /// links anywhere on the way. Each folder is looked at once per run.
    private func target(_ path: String, checked: inout CheckedFolders) throws(Failure) -> (path: String, mayExist: Bool)
    {
        let parts = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard
            !path.hasPrefix("/"),
            !parts.contains(where: { $0.isEmpty || $0.elementsEqual(".".utf8) || $0.elementsEqual("..".utf8) })
        else {
            throw Failure(message: "refusing to write '\(path)': not a plain relative path")
        }
        let base = root.path + "/"
        var folderIsMissing = false
        if let lastSlash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            let parent = path[..<lastSlash]
            if checked.missing.contains(parent) {
                folderIsMissing = true
            } else if !checked.safe.contains(parent) {
                for slash in path.utf8.indices where path.utf8[slash] == UInt8(ascii: "/") {
                    let folder = path[..<slash]
                    if folderIsMissing || checked.missing.contains(folder) {
                        folderIsMissing = true
                        checked.missing.insert(folder)
                        continue
                    }
                    if checked.safe.contains(folder) { continue }
                    switch FileSystem.kind(of: base + folder) {
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
        if !folderIsMissing, FileSystem.kind(of: base + path) == .symbolicLink {
            throw Failure(message: "refusing to write '\(path)': '\(path)' is a symbolic link")
        }
        return (base + path, !folderIsMissing)
    }

    private func read(_ absolutePath: String, path: String) throws(Failure) -> String? {
        do {
            return try FileSystem.read(absolutePath)
        } catch {
            throw Failure(message: "cannot read '\(path)': \(error.message)")
        }
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
        while folder.path.count > root.path.count,
            (try? fileManager.contentsOfDirectory(atPath: folder.path))?.isEmpty == true
        {
            try? fileManager.removeItem(at: folder)
            folder = folder.deletingLastPathComponent()
        }
    }
}
