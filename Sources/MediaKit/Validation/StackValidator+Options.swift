/// Lints of per-app options that only some services support, and of image tags.
extension StackValidator {
    /// `exportarr`, `vpn` and `loadBalancer` on apps that cannot use them.
    func optionIssues(of app: AppSpec) -> [ValidationIssue] {
        guard app.proxy == nil else { return [] }
        var issues: [ValidationIssue] = []
        let spec = app.catalogEntry?.spec
        if app.exportarr, spec?.metricsExporter == nil {
            let supported = Catalog.entries.filter { $0.spec?.metricsExporter != nil }.map { "'\($0.id)'" }
            issues.append(
                ValidationIssue(
                    .error, at: ["apps", app.name.rawValue, "exportarr"],
                    "exportarr has no exporter for service '\(app.service)'; it supports "
                        + supported.joined(separator: ", ")))
        }
        if app.vpn != nil, app.catalogEntry?.category.isDownloadClient != true {
            issues.append(
                ValidationIssue(
                    .error, at: ["apps", app.name.rawValue, "vpn"],
                    "'vpn' routes a download client through gluetun; service '\(app.service)' is not a download "
                        + "client"))
        }
        if app.loadBalancer != nil, app.port == nil, spec?.port == nil, spec?.peerPort == nil {
            issues.append(
                ValidationIssue(
                    .error, at: ["apps", app.name.rawValue, "loadBalancer"],
                    "app '\(app.name)' has no port to put on a LoadBalancer"))
        }
        return issues
    }

    /// `extraResources` that name a file mediactl generates in the app folder, or the same file twice: either
    /// way `kustomization.yaml` lists one file twice and `kustomize build` fails. A file the app does not get
    /// (`networkpolicy.yaml` while `networkPolicies` is off) is the user's to write.
    func extraResourceIssues(_ apps: [ResolvedApp]) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        for app in apps {
            var seen: Set<String> = []
            let path = ["apps", app.name.rawValue, "extraResources"]
            for resource in app.extraResources {
                if let generated = AppFolderFiles.generatedFile(at: resource, of: app, in: stack) {
                    let named = generated == resource ? "is a file" : "names '\(generated)', a file"
                    issues.append(
                        ValidationIssue(
                            .error, at: path,
                            "'\(resource)' in 'extraResources' of app '\(app.name)' \(named) mediactl generates in the "
                                + "app folder, so 'kustomization.yaml' would list it twice; give your file another name"
                        ))
                } else if !seen.insert(resource.lowercased()).inserted {
                    issues.append(
                        ValidationIssue(
                            .error, at: path,
                            "'\(resource)' is listed twice in 'extraResources' of app '\(app.name)'; kustomize refuses "
                                + "a resource it has already loaded"))
                }
            }
        }
        return issues
    }

    /// `latest` moves under a running app: upgrades happen on restarts, and Flux never sees them.
    func latestTagIssues(of app: AppSpec) -> [ValidationIssue] {
        guard let image = app.image, image.tag == "latest" else { return [] }
        return [
            ValidationIssue(
                .error, at: ["apps", app.name.rawValue, "image"],
                "image '\(image)' of app '\(app.name)' uses the moving tag 'latest'; pin a version tag (and a digest) "
                    + "so upgrades are commits")
        ]
    }

    /// An *arr app or download client on the internet must sit behind forward auth: its API accepts
    /// commands that delete and write media. Auth counts only when the exposure mode can enforce it. The rule
    /// follows the traffic: a proxy app exposed externally puts each app it routes to on the internet, so a
    /// proxied name that is such a service (``proxiedServices(of:)``) needs the same auth.
    func externalAuthIssues(_ apps: [ResolvedApp]) -> [ValidationIssue] {
        apps.compactMap { app in
            guard app.exposure == .external else { return nil }
            let subject: String
            var api = "its API"
            switch app.kind {
            case .workload:
                guard let category = app.category, category.needsAuthenticationWhenExternal else { return nil }
                subject = "app '\(app.name)' is \(Self.kind(of: category)) exposed externally"
            case .proxy(let proxy):
                let proxied = Self.proxiedServices(of: proxy).filter { $0.category.needsAuthenticationWhenExternal }
                guard !proxied.isEmpty else { return nil }
                let list = proxied.map { "'\($0.name)' (\(Self.kind(of: $0.category)))" }
                subject = "app '\(app.name)' routes \(Self.listed(list)) from the internet through its proxy"
                if proxied.count > 1 { api = "their APIs" }
            }
            let path = ["apps", app.name.rawValue, "auth"]
            if !app.auth {
                return ValidationIssue(
                    .error, at: path,
                    "\(subject) without auth; \(api) can delete media. Remove 'auth: false', or use 'expose: internal'")
            }
            guard !stack.exposure.hasAuthentication else { return nil }
            let mechanism =
                stack.exposure.mode == .ingress
                ? "'exposure.auth.annotations' or 'exposure.auth.labels'" : "'exposure.auth.labels'"
            return ValidationIssue(
                .error, at: path,
                "\(subject), but \(mechanism) is not set, so nothing enforces its auth; configure forward auth or use "
                    + "'expose: internal'")
        }
    }

    /// The names a proxy routes to that are catalog services, with their category: the name itself
    /// (`radarr`), or a catalog service followed by `-` and a suffix (`radarr-4k`), the usual way to name a
    /// second instance.
    static func proxiedServices(of proxy: ProxySpec) -> [(name: String, category: ServiceCategory)] {
        proxy.apps.sortedByBytes().compactMap { name in
            if let entry = Catalog.entry(for: ServiceID(rawValue: name)) { return (name, entry.category) }
            let service = Catalog.entries.filter { name.hasPrefix($0.id.rawValue + "-") }
                .max { $0.id.rawValue.utf8.count < $1.id.rawValue.utf8.count }
            return service.map { (name, $0.category) }
        }
    }

    private static func kind(of category: ServiceCategory) -> String {
        category.isDownloadClient ? "a download client" : "a *arr app"
    }

    /// `a`, `a and b`, `a, b and c`.
    private static func listed(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
