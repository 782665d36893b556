/// The per-app config PVC: `ReadWriteOnce`, never pruned by Flux.
public struct ConfigVolume: Hashable, Sendable {
    /// The PVC's name: the app's `storage.claimName`, else `<app>-config` or `<app>` (`storage.config.claimNames`).
    public var claimName: String
    /// The requested size, a Kubernetes quantity.
    public var size: String
    /// The storage class; nil for the cluster's default.
    public var storageClass: String?
    /// Where it is mounted in the main container.
    public var path: String

    /// Creates a config volume.
    public init(claimName: String, size: String, storageClass: String?, path: String) {
        self.claimName = claimName
        self.size = size
        self.storageClass = storageClass
        self.path = path
    }
}
