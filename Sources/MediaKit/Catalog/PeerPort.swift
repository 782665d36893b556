/// A port a service exposes to the outside world on its own Service, TCP and UDP, such as qBittorrent's
/// BitTorrent listening port. It is the Service a LoadBalancer option applies to.
public struct PeerPort: Hashable, Sendable {
    /// The Service identifier; the Service is called `<app>-<name>`.
    public var name: String
    /// The port number, the same inside and outside.
    public var number: Int
    /// The variable that tells the image the port.
    public var environmentVariable: String?

    /// Creates a peer port.
    public init(name: String, number: Int, environmentVariable: String?) {
        self.name = name
        self.number = number
        self.environmentVariable = environmentVariable
    }
}
