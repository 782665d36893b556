/// Which user an image runs as and whether it writes outside its volumes. It decides the pod and
/// container security contexts and whether `PUID`/`PGID` are set.
public enum SecurityProfile: String, Hashable, Sendable {
    /// Runs as any non-root user with a read-only root file system (the `ghcr.io/home-operations`
    /// images and static binaries); gets a `/tmp` emptyDir.
    case rootless
    /// Runs as any non-root user but writes inside its image, so the root file system stays writable.
    case nonRoot
    /// Starts as root and drops to `PUID`/`PGID` itself (s6-overlay images such as `lscr.io/linuxserver`,
    /// or `su-exec` entrypoints).
    case dropsRoot

    /// Whether the pod may be forced to run as the cluster user.
    public var runsAsNonRoot: Bool { self != .dropsRoot }

    /// Whether the container's root file system is mounted read-only.
    public var readOnlyRootFilesystem: Bool { self == .rootless }
}
