/// How a service uses the shared media volume (`storage.media`): which path it mounts and whether it
/// writes. The *arr apps and download clients all mount the volume's root at the same path
/// (`storage.media.path`, `/data` by default) so hardlinks and atomic moves work; media servers read.
public struct MediaRole: Hashable, Sendable {
    /// Whether the service writes to the volume.
    public enum Access: String, Hashable, Sendable {
        /// Streams or indexes the library: mounted read-only.
        case readOnly = "read-only"
        /// Downloads, imports or renames: mounted read-write.
        case readWrite = "read-write"
    }

    /// Read-only or read-write.
    public var access: Access
    /// Where the volume is mounted; nil means the stack's media path, shared by every app.
    public var path: String?
    /// The folder of the volume to mount, nil for its root.
    public var subPath: String?

    /// Creates a role.
    public init(_ access: Access, path: String? = nil, subPath: String? = nil) {
        self.access = access
        self.path = path
        self.subPath = subPath
    }

    /// Reads the whole volume at the shared media path.
    public static let reads = MediaRole(.readOnly)
    /// Writes the whole volume at the shared media path (the *arr apps and download clients).
    public static let manages = MediaRole(.readWrite)

    /// Reads one folder of the volume (such as `media/music`) at the image's own library path.
    public static func reads(_ subPath: String, at path: String) -> MediaRole {
        MediaRole(.readOnly, path: path, subPath: subPath)
    }

    /// Writes one folder of the volume at the image's own path.
    public static func manages(_ subPath: String, at path: String) -> MediaRole {
        MediaRole(.readWrite, path: path, subPath: subPath)
    }
}
