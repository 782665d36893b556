/// Monitoring objects rendered for the stack. All default to off, so a minimal config needs no
/// monitoring CRDs in the cluster.
public struct MonitoringSettings: Hashable, Sendable {
    /// Gatus endpoint checks through annotations on exposed apps.
    public var gatus = false
    /// ServiceMonitors for every metrics port.
    public var serviceMonitors = false
    /// A PrometheusRule per namespace.
    public var alerts = false

    /// The defaults: everything off.
    public init() {}
}
