/// A container that runs beside the main one in the same pod, such as Tautulli's git-sync.
public struct SidecarSpec: Hashable, Sendable {
    /// The container's name in the chart values.
    public var name: String
    /// Its image, pinned.
    public var image: ImageReference
    /// Its arguments.
    public var arguments: [String]
    /// Its requests and limits.
    public var resources: ResourceRequirements

    /// Creates a sidecar.
    public init(name: String, image: ImageReference, arguments: [String], resources: ResourceRequirements) {
        self.name = name
        self.image = image
        self.arguments = arguments
        self.resources = resources
    }
}
