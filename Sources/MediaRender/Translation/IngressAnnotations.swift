import MediaKit

/// The annotations and labels of an exposed app's Ingress or route: forward auth when the app's `auth` is on,
/// the cert-manager issuer when TLS is configured, the Gatus check when monitoring asks for it, Hajimari's icon
/// and group, and Homepage's listing when the stack runs Homepage.
struct IngressAnnotations {
    /// gatus-sidecar's opt-in annotation (home-operations/gatus-sidecar README, "Annotations").
    static let gatusEnabled = "gatus.home-operations.com/enabled"
    /// gatus-sidecar's per-endpoint template annotation.
    static let gatusEndpoint = "gatus.home-operations.com/endpoint"

    let app: ResolvedApp
    let stack: Stack
    /// Whether an enabled app of the stack lists apps from their Ingresses and routes (Homepage).
    let listedOnDashboard: Bool

    private var settings: ExposureSettings { stack.exposure }

    /// Every annotation, for an Ingress.
    var all: [String: String] {
        var annotations = dashboard.merging(gatus) { _, gatus in gatus }.merging(homepage) { _, homepage in homepage }
        if app.auth { annotations.merge(settings.authAnnotations) { _, auth in auth } }
        if let issuer = settings.tlsIssuer { annotations["cert-manager.io/cluster-issuer"] = issuer }
        return annotations
    }

    /// The annotations of a Gateway API route: auth and TLS live on the gateway, so only the dashboards' and
    /// Gatus's apply.
    var route: [String: String] {
        dashboard.merging(gatus) { _, gatus in gatus }.merging(homepage) { _, homepage in homepage }
    }

    /// The auth labels when the app's `auth` is on.
    var labels: [String: String] { app.auth ? settings.authLabels : [:] }

    /// gatus-sidecar picks the Ingress or route up and probes its host with `GET /`, expecting 200. Where that
    /// would fail the endpoint says otherwise: behind forward auth the app answers 401 or a redirect to the login
    /// page, so the check only asks for no server error; an app whose `/` needs a login is asked for its health
    /// path instead (Plex's `/identity`, as onedr0p/home-ops `kubernetes/apps/default/plex/app/helmrelease.yaml`
    /// overrides it).
    var gatus: [String: String] {
        var annotations: [String: String] = [:]
        switch stack.monitoring.gatus {
        case .off: return [:]
        case .annotate: annotations[Self.gatusEnabled] = "true"
        case .auto: break
        }
        if settings.guards(app) {
            annotations[Self.gatusEndpoint] = "conditions:\n  - \"[STATUS] < 500\"\n"
        } else if let path = app.catalogEntry?.spec?.monitorPath {
            annotations[Self.gatusEndpoint] = "path: \(path)\n"
        }
        return annotations
    }

    /// Homepage's listing of the app, when the stack runs Homepage and this is another app: its name and
    /// description from the catalog (the app's own name for a second instance or an image mediactl does not know),
    /// the group of its category or `dashboard.group`, the catalog service's icon from dashboard-icons
    /// (`sonarr.png`), and the app whose pods give its status. Keys as gavinmcfall/home-ops
    /// `kubernetes/apps/downloads/sonarr/app/helmrelease.yaml` writes them on its route.
    var homepage: [String: String] {
        guard listedOnDashboard, app.discovery == nil else { return [:] }
        var annotations = [
            "gethomepage.dev/enabled": "true", "gethomepage.dev/app": app.name.rawValue,
            "gethomepage.dev/name": app.name.rawValue,
        ]
        if let entry = app.catalogEntry {
            let summary = entry.summary.split(separator: ":", maxSplits: 1)
            if app.name.rawValue == entry.id.rawValue, summary.count == 2 {
                annotations["gethomepage.dev/name"] = String(summary[0])
            }
            if let description = summary.last, summary.count == 2 {
                annotations["gethomepage.dev/description"] = String(description.drop { $0 == " " })
            }
            annotations["gethomepage.dev/icon"] = entry.id.rawValue + ".png"
        }
        if let group = app.dashboard?.group ?? app.category?.dashboardGroup {
            annotations["gethomepage.dev/group"] = group
        }
        return annotations
    }

    /// Every annotation of a proxy app's Ingress to `target` on `domain`: Homepage lists the remote app under its
    /// own name, with the catalog's icon and group when `target` is a catalog service, and no pods to read a status
    /// from (they run on the other host).
    func proxied(to target: String, on domain: String) -> [String: String] {
        var annotations = all
        guard annotations["gethomepage.dev/enabled"] != nil else { return annotations }
        annotations["gethomepage.dev/app"] = nil
        annotations["gethomepage.dev/name"] = target
        annotations["gethomepage.dev/description"] = "on \(domain)"
        let entry = Catalog.entry(for: ServiceID(rawValue: target))
        annotations["gethomepage.dev/icon"] = entry.map { $0.id.rawValue + ".png" }
        if app.dashboard?.group == nil, let entry {
            annotations["gethomepage.dev/group"] = entry.category.dashboardGroup
        }
        return annotations
    }

    /// Hajimari's discovery annotations (seed 001: `hajimari.io/icon: bookshelf`).
    var dashboard: [String: String] {
        guard let dashboard = app.dashboard else { return [:] }
        var annotations = ["hajimari.io/enable": "true"]
        if let icon = dashboard.icon { annotations["hajimari.io/icon"] = icon }
        if let group = dashboard.group { annotations["hajimari.io/group"] = group }
        return annotations
    }
}
