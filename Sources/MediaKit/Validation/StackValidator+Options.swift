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
    /// commands that delete and write media. Auth counts only when the exposure mode can enforce it.
    func externalAuthIssues(_ apps: [ResolvedApp]) -> [ValidationIssue] {
        apps.compactMap { app in
            guard app.exposure == .external, app.kind == .workload,
                let category = app.category, category.needsAuthenticationWhenExternal
            else { return nil }
            let what = category.isDownloadClient ? "download client" : "*arr app"
            let path = ["apps", app.name.rawValue, "auth"]
            if !app.auth {
                return ValidationIssue(
                    .error, at: path,
                    "app '\(app.name)' is a \(what) exposed externally without auth; its API can delete media. "
                        + "Remove 'auth: false', or use 'expose: internal'")
            }
            guard !stack.exposure.hasAuthentication else { return nil }
            let mechanism =
                stack.exposure.mode == .ingress
                ? "'exposure.auth.annotations' or 'exposure.auth.labels'" : "'exposure.auth.labels'"
            return ValidationIssue(
                .error, at: path,
                "app '\(app.name)' is a \(what) exposed externally, but \(mechanism) is not set, so nothing "
                    + "enforces its auth; configure forward auth or use 'expose: internal'")
        }
    }
}
