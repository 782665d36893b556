/// How exposed apps are reached: Ingress or Gateway API routes, forward auth and TLS.
public struct ExposureSettings: Hashable, Sendable {
    /// The kind of route rendered for exposed apps.
    public enum Mode: String, CaseIterable, Hashable, Sendable {
        /// Kubernetes Ingress objects (the default).
        case ingress
        /// Gateway API HTTPRoutes.
        case gateway
    }

    /// A Gateway API gateway that routes attach to.
    public struct GatewayReference: Hashable, Sendable {
        /// The gateway's name.
        public var name: String
        /// The gateway's namespace.
        public var namespace: String
        /// The listener routes attach to; nil attaches them to every listener that admits them. The gateways of
        /// the Flux cluster template admit routes from other namespaces only on `https` (onedr0p/home-ops
        /// `kubernetes/apps/network/envoy-gateway/app/envoy.yaml`), so its users, like onedr0p, bjw-s-labs and
        /// buroa, name none.
        public var sectionName: String?

        /// Creates a reference.
        public init(name: String, namespace: String, sectionName: String? = nil) {
            self.name = name
            self.namespace = namespace
            self.sectionName = sectionName
        }
    }

    /// Ingress or Gateway API.
    public var mode = Mode.ingress
    /// The ingress class for each exposure level (`internal` and `external`; never `none`).
    public var ingressClasses: [Exposure: String] = [.internal: "internal", .external: "external"]
    /// Annotations that put an app behind forward auth (applied to exposed apps whose `auth` is true).
    public var authAnnotations: [String: String] = [:]
    /// Labels that put an app behind forward auth: a policy outside mediactl selects them (Envoy Gateway's
    /// SecurityPolicy `targetSelectors`, for example). Applied like the annotations.
    public var authLabels: [String: String] = [:]
    /// The cert-manager ClusterIssuer for TLS certificates, if any.
    public var tlsIssuer: String?
    /// The gateway for each exposure level (used in gateway mode; `internal` and `external`, never `none`).
    public var gateways: [Exposure: GatewayReference] = [
        .internal: GatewayReference(name: "envoy-internal", namespace: "network"),
        .external: GatewayReference(name: "envoy-external", namespace: "network"),
    ]

    /// The defaults: Ingress with classes `internal` and `external`, no auth, no TLS issuer.
    public init() {}

    /// Whether forward auth is configured for the current mode: annotations or labels for Ingress, labels for
    /// Gateway API routes (annotations on an HTTPRoute enforce nothing).
    public var hasAuthentication: Bool {
        switch mode {
        case .ingress: !authAnnotations.isEmpty || !authLabels.isEmpty
        case .gateway: !authLabels.isEmpty
        }
    }

    /// Whether forward auth actually guards `app`'s route: its `auth` is on and the mode can enforce it.
    public func guards(_ app: ResolvedApp) -> Bool { app.auth && hasAuthentication }
}
