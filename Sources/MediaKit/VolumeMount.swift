/// A shared volume mounted into an app.
public struct VolumeMount: Hashable, Sendable {
    /// The name of a volume in `storage.volumes`.
    public var volume: String
    /// The absolute path in the container.
    public var path: String
    /// A folder of the volume to mount instead of its root.
    public var subPath: String?
    /// Whether the mount is read-only.
    public var readOnly = false

    /// Creates a mount.
    public init(volume: String, path: String, subPath: String? = nil, readOnly: Bool = false) {
        self.volume = volume
        self.path = path
        self.subPath = subPath
        self.readOnly = readOnly
    }
}
