/// `vpn:` of a download client: route its traffic through a gluetun sidecar (seed 004).
public struct VPNSettings: Hashable, Sendable {
    /// The Secret whose keys configure gluetun (`VPN_SERVICE_PROVIDER`, `VPN_TYPE`, `WIREGUARD_PRIVATE_KEY`…);
    /// nil means `<app>-vpn`.
    public var secret: String?

    /// Creates settings.
    public init(secret: String? = nil) { self.secret = secret }
}
