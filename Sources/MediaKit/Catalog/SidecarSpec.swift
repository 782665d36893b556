/// A container that runs beside the main one in the same pod, such as Tautulli's git-sync, the exportarr
/// metrics exporter or the gluetun VPN client.
public struct SidecarSpec: Hashable, Sendable {
    /// The container's name in the chart values.
    public var name: String
    /// Its image, pinned.
    public var image: ImageReference
    /// Its arguments.
    public var arguments: [String]
    /// Its environment.
    public var environment: [String: String]
    /// Secret references in its environment: variable → (Secret, key).
    public var secretEnvironment: [String: SecretKey]
    /// A Secret whose every key becomes a variable (`envFrom`).
    public var environmentSecret: String?
    /// The port it serves on, added to the app's Service (exportarr's metrics).
    public var port: ServicePort?
    /// Its health check on ``port``.
    public var probe: HealthProbe
    /// Its requests and limits.
    public var resources: ResourceRequirements
    /// Whether it runs as root with extra capabilities (gluetun needs `NET_ADMIN` for its tunnel).
    public var privilege: Privilege
    /// Whether it must be up before the app starts: rendered as a native sidecar (an init container with
    /// `restartPolicy: Always`), so no app traffic leaves before gluetun's firewall is in place.
    public var startsBeforeApp: Bool

    /// A key of a Kubernetes Secret.
    public struct SecretKey: Hashable, Sendable {
        /// The Secret's name.
        public var secret: String
        /// The key in it.
        public var key: String

        /// Creates a reference.
        public init(secret: String, key: String) {
            self.secret = secret
            self.key = key
        }
    }

    /// What a sidecar may do beyond the app's own security profile.
    public enum Privilege: Hashable, Sendable {
        /// Runs like the rest of the pod: non-root, read-only root file system, no capabilities.
        case none
        /// Runs as root with the listed Linux capabilities added.
        case root(capabilities: [String])
    }

    /// Creates a sidecar.
    public init(
        name: String, image: ImageReference, arguments: [String] = [], environment: [String: String] = [:],
        secretEnvironment: [String: SecretKey] = [:], environmentSecret: String? = nil, port: ServicePort? = nil,
        probe: HealthProbe = .none, resources: ResourceRequirements, privilege: Privilege = .none,
        startsBeforeApp: Bool = false
    ) {
        self.name = name
        self.image = image
        self.arguments = arguments
        self.environment = environment
        self.secretEnvironment = secretEnvironment
        self.environmentSecret = environmentSecret
        self.port = port
        self.probe = probe
        self.resources = resources
        self.privilege = privilege
        self.startsBeforeApp = startsBeforeApp
    }
}
