/// A second process of a service that runs as its own controller in the same HelmRelease, with its own
/// Service: Immich's machine learning, or the Valkey cache an app needs.
public struct CompanionSpec: Hashable, Sendable {
    /// The controller, container and Service identifier; the Service is called `<app>-<name>`.
    public var name: String
    /// Its image, pinned.
    public var image: ImageReference
    /// The port it serves on.
    public var port: ServicePort
    /// Its health check.
    public var probe: HealthProbe
    /// Its arguments; empty for the image's default command.
    public var arguments: [String]
    /// Its environment; `{app}` stands for the app's name.
    public var environment: [String: String]
    /// `emptyDir` volumes mounted into it alone.
    public var scratchVolumes: [ScratchVolume]
    /// Its requests and limits.
    public var resources: ResourceRequirements

    /// Creates a companion.
    public init(
        name: String, image: ImageReference, port: ServicePort, probe: HealthProbe, arguments: [String] = [],
        environment: [String: String] = [:], scratchVolumes: [ScratchVolume] = [], resources: ResourceRequirements
    ) {
        self.name = name
        self.image = image
        self.port = port
        self.probe = probe
        self.arguments = arguments
        self.environment = environment
        self.scratchVolumes = scratchVolumes
        self.resources = resources
    }
}
