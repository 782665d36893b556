/// A Prometheus scrape target of an app: a named port of its main Service and an HTTP path.
public struct MetricsEndpoint: Hashable, Sendable {
    /// The port, on the app's main Service.
    public var port: ServicePort
    /// The HTTP path, `/metrics`.
    public var path: String

    /// Creates an endpoint.
    public init(port: ServicePort, path: String) {
        self.port = port
        self.path = path
    }
}
