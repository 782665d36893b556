import MediaKit

/// The annotations of an exposed app's Ingress or route: forward auth when the app's `auth` is on, the
/// cert-manager issuer when TLS is configured, and the dashboard's (Hajimari) icon and group.
struct IngressAnnotations {
    let app: ResolvedApp
    let settings: ExposureSettings

    /// Every annotation, for an Ingress.
    var all: [String: String] {
        var annotations = dashboard
        if app.auth { annotations.merge(settings.authAnnotations) { _, auth in auth } }
        if let issuer = settings.tlsIssuer { annotations["cert-manager.io/cluster-issuer"] = issuer }
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
