/// Lints of what Kubernetes would refuse when it creates the pods, Services and LoadBalancers: requests
/// above limits, and two LoadBalancers on one address and port.
extension StackValidator {
    /// A request above its limit, on the resolved resources (the app's own, or the catalog's): Kubernetes
    /// refuses such a pod ("must be less than or equal to … limit").
    func resourceIssues(_ apps: [ResolvedApp]) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        for app in apps where app.kind == .workload {
            let resources = app.resources
            let pairs = [
                ("cpu", resources.requests.cpu, resources.limits.cpu),
                ("memory", resources.requests.memory, resources.limits.memory),
            ]
            for (name, request, limit) in pairs {
                guard let request, let limit, Quantity.compare(request, limit) == .greater else { continue }
                issues.append(
                    ValidationIssue(
                        .error, at: ["apps", app.name.rawValue, "resources", "requests", name],
                        "'resources.requests.\(name)' of app '\(app.name)' is '\(request)', more than its limit "
                            + "'\(limit)'; Kubernetes refuses a pod that requests more than it may use, so raise "
                            + "'resources.limits.\(name)' too"))
            }
        }
        return issues
    }

    /// Two LoadBalancer Services that ask for one address with the same port and protocol: the second never
    /// gets its address. One address with different ports is allowed (MetalLB and Cilium share an address
    /// between Services that carry their sharing annotation, which `values` can add).
    func loadBalancerIssues(_ apps: [ResolvedApp]) -> [ValidationIssue] {
        var owners: [String: String] = [:]
        var issues: [ValidationIssue] = []
        for app in apps where app.kind == .workload {
            guard let ip = app.loadBalancer?.ip?.lowercased() else { continue }
            var clashes: [String] = []
            var owner: String?
            for (port, transport) in Self.loadBalancerPorts(of: app) {
                let key = "\(ip) \(port)/\(transport)"
                if let first = owners[key], first != app.name.rawValue {
                    clashes.append("\(port)/\(transport)")
                    owner = owner ?? first
                } else {
                    owners[key] = app.name.rawValue
                }
            }
            guard let owner else { continue }
            issues.append(
                ValidationIssue(
                    .error, at: ["apps", app.name.rawValue, "loadBalancer", "ip"],
                    "app '\(app.name)' asks for LoadBalancer address '\(ip)' on port "
                        + clashes.joined(separator: ", ") + ", which app '\(owner)' has already; give one of them "
                        + "another 'loadBalancer.ip'"))
        }
        return issues
    }

    /// The ports of an app's LoadBalancer Service, as the renderer builds it: the peer port over TCP and UDP
    /// when the service has one, else the app's port and its sidecars' ports over TCP.
    static func loadBalancerPorts(of app: ResolvedApp) -> [(Int, String)] {
        if let peer = app.peerPort { return [(peer.number, "TCP"), (peer.number, "UDP")] }
        guard let port = app.port else { return [] }
        return [(port.number, "TCP")] + app.sidecars.compactMap { $0.port.map { ($0.number, "TCP") } }
    }
}
