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
        var safeFolders: Set<String> = []
        let rendered = Set(files.map(\.path))
        for file in files {
            let url = try target(file.path, safeFolders: &safeFolders)
            guard let old = try read(url, path: file.path) else {
                changes.append(TreePlan.Change(path: file.path, kind: .add, old: nil, new: file.contents))
                continue
            }
            if old == file.contents {
                changes.append(TreePlan.Change(path: file.path, kind: .unchanged, old: old, new: file.contents))
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
                _ = try target(path, safeFolders: &safeFolders)  // refuse now, before anything is written
                changes.append(TreePlan.Change(path: path, kind: .remove, old: text, new: nil))
            }
        }
        changes.sort { $0.path.precedesInByteOrder($1.path) }
        return TreePlan(changes: changes, handWritten: handWritten)
    }

    /// Carries out `plan`. Hand-written files must have been refused (or forced) by the caller.
    func apply(_ plan: TreePlan) throws(Failure) {
        var safeFolders: Set<String> = []
        for change in plan.effective {
            let url = try target(change.path, safeFolders: &safeFolders)
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

    /// The URL of a relative path, refusing paths that could leave the root: absolute paths, `..`, and
    /// symbolic links anywhere on the way. Folders already checked are remembered in `safeFolders`.
    private func target(_ path: String, safeFolders: inout Set<String>) throws(Failure) -> URL {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !path.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw Failure(message: "refusing to write '\(path)': not a plain relative path")
        }
        var prefix = ""
        for (index, part) in parts.enumerated() {
            prefix += (prefix.isEmpty ? "" : "/") + part
            let isFolder = index < parts.count - 1
            if isFolder, safeFolders.contains(prefix) { continue }
            if FileSystem.kind(of: root.path + "/" + prefix) == .symbolicLink {
                throw Failure(message: "refusing to write '\(path)': '\(prefix)' is a symbolic link")
            }
            if isFolder { safeFolders.insert(prefix) }
        }
        return root.appendingPathComponent(path, isDirectory: false)
    }

    private func read(_ url: URL, path: String) throws(Failure) -> String? {
        do {
            return try FileSystem.read(url.path)
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
