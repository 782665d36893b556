/// Who can reach an app over HTTP.
public enum Exposure: String, CaseIterable, Hashable, Sendable {
    /// Reachable from the home network through the internal ingress class or gateway.
    case `internal`
    /// Reachable from the internet through the external ingress class or gateway.
    case external
    /// Not exposed; reachable inside the cluster only.
    case none
}
