/// `loadBalancer:` of an app: its raw port on a Service of type LoadBalancer (Plex's 32400, qBittorrent's
/// peer port).
public struct LoadBalancerSettings: Hashable, Sendable {
    /// The address to ask the load balancer for (through `cluster.loadBalancer`'s annotation), nil for any.
    public var ip: String?

    /// Creates settings.
    public init(ip: String? = nil) { self.ip = ip }
}
