/// Facts about the cluster the stack runs in.
public struct ClusterSettings: Hashable, Sendable {
    /// The domain hosts live under: an app's host is `<host>.<domain>`. Usually a Flux substitution
    /// variable.
    public var domain = "${SECRET_DOMAIN}"
    /// The time zone apps get in `TZ`.
    public var timezone = "Etc/UTC"
    /// The user and group ids apps run as.
    public var user = UserIDs()
    /// The load balancer that reads an app's `loadBalancer.ip` (from an annotation of its own).
    public var loadBalancer = LoadBalancerImplementation.cilium

    /// The defaults.
    public init() {}
}

/// A numeric user id and group id.
public struct UserIDs: Hashable, Sendable {
    /// The user id (default 1000).
    public var uid = 1000
    /// The group id (default 1000).
    public var gid = 1000

    /// The defaults: 1000/1000.
    public init() {}
}
