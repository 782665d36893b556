import Foundation
import MediaImport

/// Reads the folders given to `mediactl import` into an ``ImportSource``: every regular file below them, and for an
/// app folder its namespace folder's `kustomization.yaml`. Nothing is followed or read outside the root: a
/// symbolic link, a special file, a `.git` folder, a file over ``maximumFileSize`` or beyond ``maximumFiles`` is
/// recorded as unread, with the reason, and the app that holds it stays as it is.
struct ImportFolderReader {
    /// The largest file read (hand-written manifests are a few KiB).
    static let maximumFileSize = 1 << 20
    /// The most files read in all.
    static let maximumFiles = 20_000
    /// The most bytes read in all.
    static let maximumTotalSize = 64 << 20
    /// The deepest folder entered below a root.
    static let maximumDepth = 16

    /// The repository root, an absolute path without a trailing `/`.
    let root: String

    /// Why a root cannot be imported.
    struct Failure: Error {
        /// The message to print.
        let message: String
    }

    /// The source for `roots`, each relative to ``root``.
    func read(roots: [String]) throws(Failure) -> ImportSource {
        var source = ImportSource(roots: roots, files: [:], folders: [])
        var read = 0
        for relative in roots {
            let path = root + "/" + relative
            switch FileSystem.kind(of: path) {
            case .directory: break
            case .symbolicLink: throw Failure(message: "refusing to import '\(relative)': it is a symbolic link")
            case nil: throw Failure(message: "cannot import '\(relative)': no such folder")
            default: throw Failure(message: "cannot import '\(relative)': it is not a folder")
            }
            try checkParents(of: relative)
            walk(relative, depth: 0, into: &source, read: &read)
            // An app folder's namespace kustomization says which namespace its Kustomization lands in.
            if source.files[relative + "/ks.yaml"] != nil || source.files[relative + "/ks.dis"] != nil {
                let parent = relative.split(separator: "/").dropLast().joined(separator: "/")
                let kustomization = parent + "/kustomization.yaml"
                if source.files[kustomization] == nil,
                    let bytes = try? FileSystem.read(root + "/" + kustomization, limit: Self.maximumFileSize)
                {
                    source.files[kustomization] = bytes
                }
            }
        }
        return source
    }

    /// Refuses a root reached through a symbolic link: every folder between the root and it must be a real one.
    private func checkParents(of relative: String) throws(Failure) {
        var path = root
        for part in relative.split(separator: "/").dropLast() {
            path += "/" + part
            if FileSystem.kind(of: path) != .directory {
                throw Failure(message: "refusing to import '\(relative)': '\(part)' on the way is not a real folder")
            }
        }
    }

    private func walk(_ folder: String, depth: Int, into source: inout ImportSource, read: inout Int) {
        source.folders.insert(folder)
        guard depth < Self.maximumDepth else {
            source.unreadable[folder] = "nested deeper than \(Self.maximumDepth) folders; not read"
            return
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder) else {
            source.unreadable[folder] = "the folder cannot be listed"
            return
        }
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let relative = folder + "/" + name
            let path = root + "/" + relative
            if OutputTree.isGit(name[...]) {
                source.unreadable[relative] = "git's own; not read"
                continue
            }
            switch FileSystem.kind(of: path) {
            case .directory:
                walk(relative, depth: depth + 1, into: &source, read: &read)
            case .regular:
                guard source.files.count < Self.maximumFiles else {
                    source.unreadable[relative] = "more than \(Self.maximumFiles) files; not read"
                    continue
                }
                do throws(FileSystem.ReadFailure) {
                    let limit = min(Self.maximumFileSize, Self.maximumTotalSize - read)
                    guard let bytes = try FileSystem.read(path, limit: limit) else { continue }
                    source.files[relative] = bytes
                    read += bytes.count
                } catch .tooLarge(let limit) where limit < Self.maximumFileSize {
                    source.unreadable[relative] =
                        "the folders hold more than \(Self.maximumTotalSize >> 20) MiB; not read"
                } catch .tooLarge {
                    source.unreadable[relative] = "larger than \(Self.maximumFileSize >> 20) MiB; not read"
                } catch {
                    source.unreadable[relative] = "cannot be read (\(error.message))"
                }
            case .symbolicLink:
                source.unreadable[relative] = "a symbolic link, which import never follows"
            case .special(let kind):
                source.unreadable[relative] = "\(kind), not a regular file"
            case nil:
                continue
            }
        }
    }
}
