/// A setting an app needs to work behind its own host name, filled in from where the app is reached: its
/// host, its in-cluster names, its LoadBalancer address and whether only trusted traffic reaches it. These are
/// the variables current home-ops repositories set by hand for each app (onedr0p/home-ops, bjw-s-labs/home-ops,
/// buroa/k8s-gitops, joryirving/home-ops and rcdailey/home-ops, `kubernetes/apps/*/<app>/app/helmrelease.yaml`).
public enum HostSetting: Hashable, Sendable {
    /// `VARIABLE: https://<host>` when the app is exposed: the URL it puts in links and redirects (Jellyfin's
    /// `JELLYFIN_PublishedServerUrl`, Tautulli's `TAUTULLI_HTTP_BASE_URL`, Navidrome's `ND_BASEURL`).
    case publicURL(variable: String)
    /// `VARIABLE: <host>, <app>, <app>.<ns>, …, <app>.<ns>.svc.cluster.local`: the Host headers the app answers;
    /// SABnzbd refuses any other, including the in-cluster name the *arr apps call it by.
    case hostWhitelist(variable: String)
    /// `VARIABLE: https://<host>:443[,http://<load balancer address>:<port>]` when exposed: the addresses Plex
    /// tells its clients (`PLEX_ADVERTISE_URL`), so remote clients connect through the route and LAN clients to
    /// the LoadBalancer directly.
    case advertisedURLs(variable: String)
    /// `<PREFIX>__AUTH__METHOD: External` and `<PREFIX>__AUTH__REQUIRED: DisabledForLocalAddresses` when only
    /// trusted traffic reaches the app (an internal route, or forward auth in front of it): a Servarr app then
    /// leaves login to what is in front of it. Reached any other way it keeps its own login.
    case servarrExternalAuth(prefix: String)

    /// The variables this setting writes for an app reached as `reach` says.
    public func environment(_ reach: AppReach) -> [String: String] {
        switch self {
        case .publicURL(let variable):
            guard let host = reach.host else { return [:] }
            return [variable: "https://\(host)"]
        case .hostWhitelist(let variable):
            let service = reach.serviceName
            let local = [
                service, "\(service).\(reach.namespace)", "\(service).\(reach.namespace).svc",
                "\(service).\(reach.namespace).svc.cluster", "\(service).\(reach.namespace).svc.cluster.local",
            ]
            return [variable: ((reach.host.map { [$0] } ?? []) + local).joined(separator: ", ")]
        case .advertisedURLs(let variable):
            guard let host = reach.host else { return [:] }
            var urls = ["https://\(host):443"]
            if let address = reach.loadBalancerAddress, let port = reach.port {
                urls.append("http://\(address.contains(":") ? "[\(address)]" : address):\(port)")
            }
            return [variable: urls.joined(separator: ",")]
        case .servarrExternalAuth(let prefix):
            guard reach.onlyTrustedTraffic else { return [:] }
            return [
                "\(prefix)__AUTH__METHOD": "External", "\(prefix)__AUTH__REQUIRED": "DisabledForLocalAddresses",
            ]
        }
    }
}

/// Where an app is reached from, as ``HostSetting`` needs it.
public struct AppReach: Hashable, Sendable {
    /// The full host name of its route, nil when it is not exposed.
    public var host: String?
    /// The name of its main Service (the app's name).
    public var serviceName: String
    /// Its namespace.
    public var namespace: String
    /// Its main port.
    public var port: Int?
    /// The address its LoadBalancer Service asks for, if any.
    public var loadBalancerAddress: String?
    /// Whether only trusted traffic reaches it: an internal route, or forward auth in front of an external one.
    public var onlyTrustedTraffic: Bool

    /// Creates a description of how an app is reached.
    public init(
        host: String?, serviceName: String, namespace: String, port: Int?, loadBalancerAddress: String?,
        onlyTrustedTraffic: Bool
    ) {
        self.host = host
        self.serviceName = serviceName
        self.namespace = namespace
        self.port = port
        self.loadBalancerAddress = loadBalancerAddress
        self.onlyTrustedTraffic = onlyTrustedTraffic
    }
}
