import Foundation
import MediaImport
import MediaTestSupport

/// A fixture Flux repository under `Fixtures/import/<name>/repo`, read the way the CLI reads one for import.
struct FixtureRepository {
    /// The fixture's folder (`Fixtures/import/<name>`).
    let folder: URL
    /// The repository's root (`<folder>/repo`).
    var root: URL { folder.appendingPathComponent("repo") }

    init(_ name: String) { folder = Fixtures.root.appendingPathComponent("import").appendingPathComponent(name) }

    /// Every regular file of the repository, by relative path.
    var files: [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for path in GoldenTree.relativeFiles(under: root) {
            files[path] = (try? Data(contentsOf: root.appendingPathComponent(path))).map { Array($0) }
        }
        return files
    }

    /// The source import gets for `roots` (relative folders), from `files`.
    static func source(roots: [String], files: [String: [UInt8]]) -> ImportSource {
        var folders: Set<String> = []
        var selected: [String: [UInt8]] = [:]
        for (path, bytes) in files {
            let inRoot = roots.contains { path.hasPrefix($0 + "/") }
            let namespaceKustomization = roots.contains { root in
                let parent = root.split(separator: "/").dropLast().joined(separator: "/")
                return path == parent + "/kustomization.yaml"
            }
            guard inRoot || namespaceKustomization else { continue }
            selected[path] = bytes
            guard inRoot else { continue }
            var folder = path
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                if roots.contains(where: { folder == $0 || folder.hasPrefix($0 + "/") }) { folders.insert(folder) }
            }
        }
        for root in roots { folders.insert(root) }
        return ImportSource(roots: roots, files: selected, folders: folders)
    }
}
