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
        let rendered = Set(files.map(\.path))
        for file in files {
            let url = try target(file.path)
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
            for path in try generatedFiles(under: directory) where !rendered.contains(path.path) {
                changes.append(TreePlan.Change(path: path.path, kind: .remove, old: path.text, new: nil))
            }
        }
        changes.sort { $0.path.precedesInByteOrder($1.path) }
        return TreePlan(changes: changes, handWritten: handWritten)
    }

    /// Carries out `plan`. Hand-written files must have been refused (or forced) by the caller.
    func apply(_ plan: TreePlan) throws(Failure) {
        for change in plan.effective {
            let url = try target(change.path)
            if let new = change.new {
                try writeAtomically(new, to: url, path: change.path)
            } else {
                do {
                    try fileManager.removeItem(at: url)
                } catch {
                    throw Failure(message: "cannot remove '\(change.path)': \(error.localizedDescription)")
                }
                removeEmptyFolders(above: url)
            }
        }
    }

    // MARK: paths

    /// The URL of a relative path, refusing paths that could leave the root.
    private func target(_ path: String) throws(Failure) -> URL {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw Failure(message: "refusing to write '\(path)': not a plain relative path")
        }
        var url = root
        for part in parts {
            url.appendPathComponent(String(part))
            if let type = try? fileManager.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType,
                type == .typeSymbolicLink
            {
                throw Failure(message: "refusing to write '\(path)': '\(part)' is a symbolic link")
            }
        }
        return url
    }

    private func read(_ url: URL, path: String) throws(Failure) -> String? {
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { throw Failure(message: "cannot write '\(path)': a folder is in the way") }
        guard let data = fileManager.contents(atPath: url.path) else {
            throw Failure(message: "cannot read '\(path)'")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Regular files with the marker below `directory` (symbolic links are neither followed nor removed).
    private func generatedFiles(under directory: String) throws(Failure) -> [(path: String, text: String)] {
        let base = root.appendingPathComponent(directory)
        guard let enumerator = fileManager.enumerator(atPath: base.path) else { return [] }
        var found: [(path: String, text: String)] = []
        while let relative = enumerator.nextObject() as? String {
            guard enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            let path = directory + "/" + relative
            guard let data = fileManager.contents(atPath: base.appendingPathComponent(relative).path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            if Self.isGenerated(text) { found.append((path, text)) }
        }
        return found
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
