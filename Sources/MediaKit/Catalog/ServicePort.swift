/// A named TCP port of a service. The name is what Services, Ingresses and ServiceMonitors refer to.
public struct ServicePort: Hashable, Sendable {
    /// The port's name: `http` for web UIs and APIs, `metrics` for exporters.
    public var name: String
    /// The port number, 1–65535.
    public var number: Int

    /// A web UI or API port called `http`.
    public static func http(_ number: Int) -> ServicePort { ServicePort(name: "http", number: number) }

    /// A Prometheus metrics port called `metrics`.
    public static func metrics(_ number: Int) -> ServicePort { ServicePort(name: "metrics", number: number) }

    /// Creates a port.
    public init(name: String, number: Int) {
        self.name = name
        self.number = number
    }
}
