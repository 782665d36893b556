/// A proxy app (seed 001's "mediabox"): an Ingress and an ExternalName Service per remote app,
/// nothing deployed in the cluster.
public struct ProxySpec: Hashable, Sendable {
    /// Each proxied app resolves to `<app>.<domain>`.
    public var domain: String
    /// The remote port (default 443).
    public var port = 443
    /// The proxied apps, in the order written.
    public var apps: [String]

    /// Creates a proxy spec.
    public init(domain: String, port: Int = 443, apps: [String]) {
        self.domain = domain
        self.port = port
        self.apps = apps
    }
}
