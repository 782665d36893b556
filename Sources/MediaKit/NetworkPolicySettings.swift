/// `networkPolicies:` — seed 002's table: default deny ingress per namespace, then only the flows the
/// stack needs.
public struct NetworkPolicySettings: Hashable, Sendable {
    /// The namespace of the ingress controller or the gateway proxies (home-ops: `network`).
    public var ingressNamespace = "network"
    /// The namespace Prometheus scrapes from (home-ops: `observability`).
    public var monitoringNamespace = "observability"

    /// The home-ops defaults.
    public init() {}
}
