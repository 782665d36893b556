/// Config volumes and named shared volumes.
public struct StorageSettings: Hashable, Sendable {
    /// The default config PVC of every app.
    public var config = ConfigVolumeSettings()
    /// Shared volumes by name.
    public var volumes: [String: SharedVolume] = [:]
    /// The name of the shared volume holding downloads and the library, if any.
    public var media: String?
    /// Where every *arr app and download client mounts the media volume (`/data`).
    public var mediaPath = "/data"

    /// The defaults: 5Gi config PVCs in the cluster's default storage class, no shared volumes.
    public init() {}
}

/// The size and storage class of a config PVC.
public struct ConfigVolumeSettings: Hashable, Sendable {
    /// The storage class, or nil for the cluster's default.
    public var storageClass: String?
    /// The requested size, a Kubernetes quantity.
    public var size = "5Gi"
    /// How claims are named when an app does not name its own.
    public var claimNames = ClaimNaming.appConfig

    /// The defaults: 5Gi in the default storage class.
    public init(storageClass: String? = nil, size: String = "5Gi") {
        self.storageClass = storageClass
        self.size = size
    }
}
