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

    /// Gatus endpoint checks through annotations on exposed apps.
    public var gatus = false
    /// ServiceMonitors for every metrics port.
    public var serviceMonitors = false
    /// A PrometheusRule per namespace.
    public var alerts = false
    /// The controller whose metrics give the HTTP 5xx alert.
    public var ingressController = IngressController.none

    /// The defaults: everything off.
    public init() {}
}
