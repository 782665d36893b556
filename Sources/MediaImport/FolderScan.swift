import MediaYAML

/// Finds the app folders below the folders given to `mediactl import`: a folder with `ks.yaml` or `ks.dis` is an
/// app folder; any other folder is a namespace folder, whose subfolders with one of them are its apps.
struct FolderScan {
    /// The app folders, sorted by path.
    var apps: [AppLocation] = []
    /// The namespace each namespace folder's `kustomization.yaml` sets (`namespace:`), by namespace folder.
    var kustomizationNamespaces: [String: String] = [:]
    /// Problems with the folders given.
    var errors: [ImportDiagnostic] = []

    /// Scans the roots of `reader`'s source, reading namespace kustomizations through it.
    init(_ reader: inout ManifestReader) {
        let source = reader.source
        var found: Set<AppLocation> = []
        for root in source.roots {
            let isApp = Self.isAppFolder(root, source)
            let candidates = isApp ? [root] : source.subfolders(of: root).filter { Self.isAppFolder($0, source) }
            if candidates.isEmpty {
                errors.append(
                    ImportDiagnostic(
                        path: root,
                        .error(
                            at: nil,
                            "no app folder here: an app folder holds 'ks.yaml' or 'ks.dis'; give an app folder or the "
                                + "namespace folder above it")))
                continue
            }
            for folder in candidates {
                let parts = folder.split(separator: "/").map(String.init)
                guard parts.count >= 3 else {
                    errors.append(
                        ImportDiagnostic(
                            path: folder,
                            .error(
                                at: nil,
                                "an app folder must be '<appsDir>/<namespace>/<app>', at least three folders deep")))
                    continue
                }
                found.insert(
                    AppLocation(
                        appsDir: parts.dropLast(2).joined(separator: "/"), namespace: parts[parts.count - 2],
                        name: parts[parts.count - 1]))
            }
        }
        apps = found.sorted { $0.folder.utf8.lexicographicallyPrecedes($1.folder.utf8) }
        if Set(apps.map(\.appsDir)).count > 1 {
            errors.append(
                ImportDiagnostic(
                    path: apps[0].folder,
                    .error(
                        at: nil,
                        "the app folders are below different folders ("
                            + Set(apps.map(\.appsDir)).sorted().map { "'\($0)'" }.joined(separator: ", ")
                            + "); mediactl renders into one appsDir")))
        }
        for namespaceFolder in Set(apps.map { "\($0.appsDir)/\($0.namespace)" }) {
            let path = namespaceFolder + "/kustomization.yaml"
            guard reader.exists(path), let documents = reader.documents(path) else { continue }
            if let namespace = documents.first?.node["namespace"]?.text {
                kustomizationNamespaces[namespaceFolder] = namespace
            }
        }
    }

    private static func isAppFolder(_ folder: String, _ source: ImportSource) -> Bool {
        for name in ["ks.yaml", "ks.dis"] {
            let path = folder + "/" + name
            if source.files[path] != nil || source.unreadable[path] != nil { return true }
        }
        return false
    }
}
