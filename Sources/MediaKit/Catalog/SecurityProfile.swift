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

    /// The capabilities the container keeps after dropping all. An s6-overlay or `su-exec` entrypoint runs as
    /// root only to own its folders and switch user: `CHOWN`, `DAC_OVERRIDE` and `FOWNER` to fix ownership,
    /// `SETUID`/`SETGID` to drop to `PUID`/`PGID`, `KILL` so the root supervisor can signal its services.
    public var addedCapabilities: [String] {
        switch self {
        case .rootless, .nonRoot: []
        case .dropsRoot: ["CHOWN", "DAC_OVERRIDE", "FOWNER", "KILL", "SETGID", "SETUID"]
        }
    }

    /// What the profile does to the pod, in one sentence (for `explain` and the runbook).
    public var summary: String {
        let common = "no privilege escalation, seccomp RuntimeDefault, fsGroup with OnRootMismatch"
        switch self {
        case .rootless:
            return "rootless: runs as the cluster user with a read-only root file system and no capabilities; \(common)"
        case .nonRoot:
            return "non-root: runs as the cluster user with no capabilities; the image writes to its root file system, "
                + "so it stays writable; \(common)"
        case .dropsRoot:
            return "drops root: starts as root and switches to PUID/PGID itself, so it keeps only "
                + addedCapabilities.joined(separator: ", ") + " of root's capabilities; \(common)"
        }
    }
}
