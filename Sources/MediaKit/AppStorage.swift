/// An app's config volume.
public enum AppStorage: Hashable, Sendable {
    /// The stack's default config PVC (`storage.config`).
    case `default`
    /// A config PVC with its own size, storage class or claim name (nil fields fall back to `storage.config`).
    case custom(size: String?, storageClass: String?, claimName: String? = nil)
    /// No config PVC (`storage: false`): the app keeps its config elsewhere, such as a shared volume.
    case disabled
}
