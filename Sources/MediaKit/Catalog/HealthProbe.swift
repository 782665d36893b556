/// How Kubernetes checks a container's health: the readiness check of a main container (whose liveness and startup
/// probes only check that its port is open), and the liveness and readiness check of a sidecar or companion.
public enum HealthProbe: Hashable, Sendable {
    /// An HTTP GET on the service port that answers 2xx/3xx when healthy.
    case http(path: String)
    /// A TCP connect on the service port: the fallback when no health endpoint is known.
    case tcp
    /// No probe: workers without a port.
    case none

    /// A short description for `catalog` and `explain`: `HTTP /ping`, `TCP` or `none`.
    public var summary: String {
        switch self {
        case .http(let path): "HTTP \(path)"
        case .tcp: "TCP"
        case .none: "none"
        }
    }
}
