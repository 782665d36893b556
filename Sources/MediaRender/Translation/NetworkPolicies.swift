import MediaKit

/// Seed 002's network policy table for one namespace: deny all ingress by default, then allow per app the
/// flows of ``TrafficFlow`` (request apps → *arr apps → download clients…), the ingress controller or
/// gateway to exposed apps and media servers, Prometheus to metrics ports, anyone to LoadBalancer ports,
/// and the app's own pods to each other (companions, sidecars). Download clients may only reach DNS and
/// the internet.
struct NetworkPolicies {
    let settings: NetworkPolicySettings
    let stack: Stack
    /// The apps that call each app, by name: callers may live in other namespaces. Built once per render;
    /// the flows are quadratic in the apps, so computing them per app would make rendering cubic.
    private let callers: [AppName: [ResolvedApp]]

    /// The policies of a stack whose apps are `apps` (all of them, every namespace).
    init(settings: NetworkPolicySettings, apps: [ResolvedApp], stack: Stack) {
        self.settings = settings
        self.stack = stack
        var callers: [AppName: [ResolvedApp]] = [:]
        for flow in TrafficFlow.flows(between: apps) { callers[flow.to.name, default: []].append(flow.from) }
        self.callers = callers
    }

    /// Private and link-local ranges a download client must not reach (RFC 1918, RFC 4193, link-local).
    static let privateRanges = (
        v4: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16"], v6: ["fc00::/7", "fe80::/10"]
    )

    /// The namespace's `default-deny-ingress` policy: every pod, no ingress rule.
    static func defaultDeny() -> NetworkPolicy {
        NetworkPolicy(name: "default-deny-ingress", podLabels: [:], ingress: [], egress: nil)
    }

    /// The policy of `app`'s pods; nil for a proxy app, which runs none.
    func policy(for app: ResolvedApp) -> NetworkPolicy? {
        guard app.kind == .workload else { return nil }
        var ingress = [NetworkPolicy.Rule(peers: [.releases([app.name.rawValue], namespace: nil)])]
        if let port = app.port {
            let web = [NetworkPolicy.Port(number: port.number)]
            let callers = self.callers[app.name] ?? []
            for namespace in Set(callers.map(\.namespace)).sortedByBytes() {
                let names = callers.filter { $0.namespace == namespace }.map(\.name.rawValue).sortedByBytes()
                ingress.append(
                    NetworkPolicy.Rule(
                        peers: [.releases(names, namespace: namespace == app.namespace ? nil : namespace)],
                        ports: web))
            }
            if app.exposure != .none || app.category == .mediaServer {
                ingress.append(NetworkPolicy.Rule(peers: [.namespace(settings.ingressNamespace)], ports: web))
            }
            if app.loadBalancer != nil {
                let ports =
                    app.peerPort.map { [.init(number: $0.number), .init(number: $0.number, transport: "UDP")] } ?? web
                ingress.append(NetworkPolicy.Rule(peers: [], ports: ports))
            }
        }
        if stack.monitoring.serviceMonitors, let metrics = app.metrics {
            ingress.append(
                NetworkPolicy.Rule(
                    peers: [.namespace(settings.monitoringNamespace)], ports: [.init(number: metrics.port.number)]))
        }
        var egress: [NetworkPolicy.Rule]?
        if app.category?.isDownloadClient == true {
            egress = [
                NetworkPolicy.Rule(
                    peers: [.pods(["k8s-app": "kube-dns"], namespace: "kube-system")],
                    ports: [.init(number: 53, transport: "UDP"), .init(number: 53)]),
                NetworkPolicy.Rule(
                    peers: [
                        .addresses("0.0.0.0/0", except: Self.privateRanges.v4),
                        .addresses("::/0", except: Self.privateRanges.v6),
                    ]),
            ]
        }
        return NetworkPolicy(
            name: app.name.rawValue, podLabels: [NetworkPolicy.releaseLabel: app.name.rawValue], ingress: ingress,
            egress: egress)
    }
}
