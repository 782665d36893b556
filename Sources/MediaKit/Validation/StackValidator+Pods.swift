/// Lints of what the app-template chart or the API server would refuse or silently lose in an app's pod:
/// two mounts at one path, a shared volume named like a volume the app has of its own, a port used twice,
/// and Service names past their limit.
extension StackValidator {
    /// Every pod-level issue of the resolved apps.
    func podIssues(_ apps: [ResolvedApp]) -> [ValidationIssue] {
        apps.flatMap { app in
            app.kind == .workload
                ? mountPathIssues(of: app) + volumeNameIssues(of: app) + portIssues(of: app)
                    + serviceNameIssues(of: app)
                : serviceNameIssues(of: app)
        }
    }

    /// Two mounts at one path in the main container: Kubernetes refuses the pod ("must be unique").
    private func mountPathIssues(of app: ResolvedApp) -> [ValidationIssue] {
        var mounts: [(path: String, what: String)] = []
        if let config = app.configVolume {
            mounts.append((config.path, "its config volume"))
            mounts += app.statePaths.map { ($0.path, "its config volume") }
        }
        mounts += app.scratchVolumes.map { ($0.path, "its scratch folder '\($0.name)'") }
        if app.security.readOnlyRootFilesystem, !app.scratchVolumes.contains(where: { $0.name == "tmp" }) {
            mounts.append(("/tmp", "its scratch folder 'tmp'"))
        }
        mounts += app.configFiles.map { ($0.path, "its config file '\($0.name)'") }
        // The shared volumes last: the app's own mounts come from the catalog, so a clash is named at the user's.
        mounts += app.mounts.map {
            ($0.path, $0.isMediaRole ? "the media volume '\($0.volume)'" : "volume '\($0.volume)'")
        }
        var owners: [String: String] = [:]
        var issues: [ValidationIssue] = []
        for mount in mounts {
            guard let first = owners[mount.path] else {
                owners[mount.path] = mount.what
                continue
            }
            issues.append(
                ValidationIssue(
                    .error, at: ["apps", app.name.rawValue, "mounts"],
                    "app '\(app.name)' mounts \(mount.what) at '\(mount.path)', where \(first) is mounted already; "
                        + "Kubernetes refuses two mounts at one path, so choose another 'path'"))
        }
        return issues
    }

    /// A shared volume named like one of the app's own volumes (`config`, `tmp`, a scratch folder such as
    /// Plex's `transcode`): the chart keeps one volume per name, so one of the two would silently replace the
    /// other (the config claim replaced by a share, say).
    private func volumeNameIssues(of app: ResolvedApp) -> [ValidationIssue] {
        var own: [String: String] = [:]
        if app.configVolume != nil { own["config"] = "config volume" }
        for scratch in app.scratchVolumes { own[scratch.name] = "scratch folder" }
        for companion in app.companions {
            for scratch in companion.scratchVolumes { own[scratch.name] = "scratch folder" }
        }
        if app.security.readOnlyRootFilesystem, own["tmp"] == nil { own["tmp"] = "scratch folder" }
        if !app.configFiles.isEmpty { own["config-file"] = "config files" }
        var reported: Set<String> = []
        return app.mounts.compactMap { mount in
            guard let what = own[mount.volume], reported.insert(mount.volume).inserted else { return nil }
            return ValidationIssue(
                .error, at: ["apps", app.name.rawValue, "mounts"],
                "volume '\(mount.volume)' mounted by app '\(app.name)' has the name of the app's own \(what); the chart "
                    + "keeps one volume per name, so one would replace the other; rename it in 'storage.volumes'")
        }
    }

    /// The app's port used again by a sidecar (exportarr's 9707) or as its peer port: two listeners on one
    /// port in one pod, and a Service with one port twice.
    private func portIssues(of app: ResolvedApp) -> [ValidationIssue] {
        guard let port = app.port else { return [] }
        var others = app.sidecars.compactMap { sidecar in
            sidecar.port.map { ($0.number, "the port of its \(sidecar.name) sidecar") }
        }
        if let peer = app.peerPort { others.append((peer.number, "its \(peer.name) peer port")) }
        guard let (_, user) = others.first(where: { $0.0 == port.number }) else { return [] }
        return [
            ValidationIssue(
                .error, at: ["apps", app.name.rawValue, "port"],
                "port \(port.number) of app '\(app.name)' is also \(user); choose another 'port'")
        ]
    }

    /// Services named `<app>-<suffix>` (the peer port's, a companion's, a proxied app's) are DNS-1035 labels
    /// of at most 63 characters; the API server refuses longer ones.
    private func serviceNameIssues(of app: ResolvedApp) -> [ValidationIssue] {
        var suffixes: [(String, [String])] = []
        switch app.kind {
        case .workload:
            if let peer = app.peerPort { suffixes.append((peer.name, ["apps", app.name.rawValue])) }
            suffixes += app.companions.map { ($0.name, ["apps", app.name.rawValue]) }
        case .proxy(let proxy):
            suffixes += proxy.apps.map { ($0, ["apps", app.name.rawValue, "proxy", "apps"]) }
        }
        return suffixes.compactMap { suffix, path in
            let name = "\(app.name)-\(suffix)"
            guard name.utf8.count > DNSLabel.maximumLength else { return nil }
            return ValidationIssue(
                .error, at: path,
                "app '\(app.name)' gets a Service '\(name)', longer than the \(DNSLabel.maximumLength) characters "
                    + "Kubernetes allows; give the app a shorter name")
        }
    }
}
