/// A shared volume mounted into an app, with the volume's definition looked up.
public struct ResolvedMount: Hashable, Sendable {
    /// The volume's name under `storage.volumes`.
    public var volume: String
    /// What the volume is: NFS export, mediactl-rendered PVC or existing claim.
    public var source: SharedVolume
    /// The mount path.
    public var path: String
    /// The folder of the volume to mount, if not its root.
    public var subPath: String?
    /// Whether the mount is read-only.
    public var readOnly: Bool
    /// Whether mediactl added it for the service's role on `storage.media` (not listed under `mounts`).
    public var isMediaRole: Bool

    /// Creates a mount.
    public init(
        volume: String, source: SharedVolume, path: String, subPath: String?, readOnly: Bool, isMediaRole: Bool = false
    ) {
        self.volume = volume
        self.source = source
        self.path = path
        self.subPath = subPath
        self.readOnly = readOnly
        self.isMediaRole = isMediaRole
    }
}
