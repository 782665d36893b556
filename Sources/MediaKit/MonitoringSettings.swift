/// Monitoring objects rendered for the stack. All default to off, so a minimal config needs no
/// monitoring CRDs in the cluster.
public struct MonitoringSettings: Hashable, Sendable {
    /// An ingress controller whose request metrics the HTTP error alert can read.
    public enum IngressController: String, CaseIterable, Hashable, Sendable {
        /// No known controller metrics: no HTTP error alert.
        case none
        /// ingress-nginx (`nginx_ingress_controller_requests`).
        case ingressNginx = "ingress-nginx"
    }

    /// How gatus-sidecar (home-operations/gatus-sidecar) finds the exposed apps it checks.
    public enum GatusMode: String, CaseIterable, Hashable, Sendable {
        /// No Gatus annotations.
        case off = "false"
        /// The sidecar checks only routes that opt in: every exposed app's route says `enabled: "true"`.
        case annotate = "true"
        /// The sidecar checks every route it finds (`--auto-httproute`, `--auto-ingress`, as onedr0p/home-ops,
        /// bjw-s-labs/home-ops and buroa/k8s-gitops run it): routes carry an endpoint only where its default
        /// check, `GET /` answering 200, would fail.
        case auto
    }

    /// Gatus endpoint checks through annotations on exposed apps.
    public var gatus = GatusMode.off
    /// ServiceMonitors for every metrics port.
    public var serviceMonitors = false
    /// A PrometheusRule per namespace.
    public var alerts = false
    /// The controller whose metrics give the HTTP 5xx alert.
    public var ingressController = IngressController.none

    /// The defaults: everything off.
    public init() {}
}
