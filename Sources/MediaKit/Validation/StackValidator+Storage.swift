/// Storage lints: hardlink-safe media mounts and SQLite on network file systems.
extension StackValidator {
    /// The *arr library managers, the download clients, and the mounts they move files through.
    ///
    /// Sonarr and its siblings import a finished download with a hardlink or an atomic move, which only
    /// works inside one mount: the download client's path must be visible at the same path, on the same
    /// mount, in the *arr app (TRaSH guides' single `/data` layout).
    func hardlinkIssues(_ apps: [ResolvedApp]) -> [ValidationIssue] {
        let running = apps.filter { $0.enabled && $0.kind == .workload }
        let managers = running.filter { $0.category == .arr }
        let clients = running.filter { $0.category?.isDownloadClient == true }
        var issues: [ValidationIssue] = []
        for manager in managers {
            let mounts = dataMounts(of: manager)
            if mounts.count > 1 {
                let paths = mounts.map { "'\($0.path)'" }.joined(separator: " and ")
                issues.append(
                    ValidationIssue(
                        .error, at: ["apps", manager.name.rawValue, "mounts"],
                        "app '\(manager.name)' mounts \(paths) separately; hardlinks and atomic moves do not cross "
                            + "mounts, so every import becomes a copy: mount one volume that holds downloads and "
                            + "library at one path ('storage.media' mounts it at '\(stack.storage.mediaPath)')"))
            }
        }
        // Clients are grouped by where they mount data, so each manager is compared with each layout once:
        // stacks have a handful of layouts, however many clients.
        var layouts: [[ResolvedMount]] = []
        var layoutOfClient: [Int] = []
        var layoutIndex: [[ResolvedMount]: Int] = [:]
        for client in clients {
            let mounts = dataMounts(of: client)
            if let index = layoutIndex[mounts] {
                layoutOfClient.append(index)
            } else {
                layoutIndex[mounts] = layouts.count
                layoutOfClient.append(layouts.count)
                layouts.append(mounts)
            }
        }
        for manager in managers {
            let managerMounts = dataMounts(of: manager)
            guard !managerMounts.isEmpty else { continue }
            let apart = layouts.map { clientMounts in
                !clientMounts.isEmpty
                    && !clientMounts.contains { mount in managerMounts.contains { covers($0, mount) } }
            }
            guard apart.contains(true) else { continue }
            for (client, layout) in zip(clients, layoutOfClient) where apart[layout] {
                issues.append(
                    ValidationIssue(
                        .error, at: ["apps", manager.name.rawValue, "mounts"],
                        "apps '\(manager.name)' and '\(client.name)' do not see downloads at the same path on one "
                            + "volume (\(describe(managerMounts)) vs \(describe(layouts[layout]))), so imports fail or "
                            + "copy: mount the same volume at the same path in both ('storage.media' does this)"))
            }
        }
        if stack.storage.media == nil, let manager = managers.first, let client = clients.first,
            dataMounts(of: manager).isEmpty || dataMounts(of: client).isEmpty
        {
            issues.append(
                ValidationIssue(
                    .warning, at: ["apps", manager.name.rawValue],
                    "apps '\(manager.name)' and '\(client.name)' share no volume, so downloads never reach the "
                        + "library; name the volume for downloads and media in 'storage.media'"))
        }
        return issues
    }

    /// Apps whose SQLite database sits on NFS or SMB, where file locking is unreliable.
    func sqliteIssues(_ apps: [ResolvedApp]) -> [ValidationIssue] {
        apps.filter { $0.enabled && $0.usesSQLite }.compactMap { app in
            if let config = app.configVolume, let storageClass = config.storageClass,
                Self.isNetworkStorageClass(storageClass)
            {
                return sqliteWarning(app, at: "storage class '\(storageClass)'", key: "storage")
            }
            guard app.configVolume == nil, let configPath = app.catalogEntry?.spec?.configPath,
                let mount = app.mounts.first(where: { $0.path == configPath })
            else { return nil }
            switch mount.source {
            case .nfs(let server, _):
                return sqliteWarning(app, at: "NFS server '\(server)'", key: "mounts")
            case .pvc(let storageClass?, _, _) where Self.isNetworkStorageClass(storageClass):
                return sqliteWarning(
                    app, at: "volume '\(mount.volume)' (storage class '\(storageClass)')", key: "mounts")
            default:
                return nil
            }
        }
    }

    private func sqliteWarning(_ app: ResolvedApp, at place: String, key: String) -> ValidationIssue {
        ValidationIssue(
            .warning, at: ["apps", app.name.rawValue, key],
            "app '\(app.name)' keeps its SQLite database in its config folder on \(place); network file "
                + "systems break SQLite's locking and can corrupt it, so prefer block storage (Longhorn, local-path)")
    }

    /// Storage class names that mean a network file system: they contain `nfs`, `smb`, `cifs` or `samba`.
    static func isNetworkStorageClass(_ name: String) -> Bool {
        // Storage class names are DNS subdomains, so ASCII: lowered byte by byte and searched without
        // Unicode-aware string search, which cost more than the rest of validation.
        let lowered = name.utf8.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0 }
        return ["nfs", "smb", "cifs", "samba"].contains { word in
            let word = Array(word.utf8)
            return lowered.count >= word.count
                && (0...(lowered.count - word.count)).contains { lowered[$0..<($0 + word.count)].elementsEqual(word) }
        }
    }

    /// Read-write shared mounts that carry downloads or library, not the app's config on a shared volume.
    private func dataMounts(of app: ResolvedApp) -> [ResolvedMount] {
        let statePaths = ServiceSpec.statePaths(of: app.catalogEntry?.spec)
        return app.mounts.filter { !$0.readOnly && !statePaths.contains($0.path) }
    }

    /// Whether a file at `inner`'s path is at the same path, inside one mount, through `outer`: the same
    /// volume, and `inner`'s folder lies in `outer`'s folder at the matching place.
    private func covers(_ outer: ResolvedMount, _ inner: ResolvedMount) -> Bool {
        guard outer.volume == inner.volume else { return false }
        let outerFolder = Self.components(outer.subPath ?? "")
        let innerFolder = Self.components(inner.subPath ?? "")
        guard innerFolder.starts(with: outerFolder) else { return false }
        let expected = Self.components(outer.path) + innerFolder.dropFirst(outerFolder.count)
        return Self.components(inner.path) == expected
    }

    private static func components(_ path: String) -> [Substring] { path.split(separator: "/") }

    private func describe(_ mounts: [ResolvedMount]) -> String {
        mounts.map { "'\($0.volume)' at '\($0.path)'" + ($0.subPath.map { " (\($0))" } ?? "") }
            .joined(separator: ", ")
    }
}

extension StackValidator {
    /// A `pvc` volume is rendered once per namespace that mounts it: apps in two namespaces get two claims.
    func splitVolumeIssues(_ apps: [ResolvedApp]) -> [ValidationIssue] {
        var namespaces: [String: Set<String>] = [:]
        for app in apps where app.kind == .workload {
            for mount in app.mounts {
                if case .pvc = mount.source { namespaces[mount.volume, default: []].insert(app.namespace) }
            }
        }
        return namespaces.keys.sortedByBytes().compactMap { volume in
            guard let spaces = namespaces[volume], spaces.count > 1 else { return nil }
            return ValidationIssue(
                .warning, at: ["storage", "volumes", volume],
                "volume '\(volume)' is mounted in namespaces "
                    + spaces.sortedByBytes().map { "'\($0)'" }.joined(separator: ", ")
                    + "; a PVC lives in one namespace, so each gets its own claim and they do not share files "
                    + "unless the storage class points them at one share; use 'nfs' or one namespace")
        }
    }
}
