/// A volume several apps mount (media library, downloads, books…).
public enum SharedVolume: Hashable, Sendable {
    /// Access modes of a PersistentVolumeClaim.
    public enum AccessMode: String, CaseIterable, Hashable, Sendable {
        /// Read-write by one node.
        case readWriteOnce = "ReadWriteOnce"
        /// Read-write by many nodes (the default for shared volumes).
        case readWriteMany = "ReadWriteMany"
        /// Read-only by many nodes.
        case readOnlyMany = "ReadOnlyMany"
        /// Read-write by one pod.
        case readWriteOncePod = "ReadWriteOncePod"
    }

    /// An NFS export mounted directly.
    case nfs(server: String, path: String)
    /// A PVC named after the volume, rendered by mediactl and never pruned.
    case pvc(storageClass: String?, size: String, accessMode: AccessMode)
    /// A PVC managed elsewhere.
    case existingClaim(String)
}
