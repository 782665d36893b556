/// A second folder a service keeps state in, stored on its config PVC under `subPath` (Audiobookshelf's
/// `/metadata` beside `/config`).
public struct StatePath: Hashable, Sendable {
    /// Where it is mounted.
    public var path: String
    /// The folder of the config PVC that holds it.
    public var subPath: String

    /// Creates a state path.
    public init(path: String, subPath: String) {
        self.path = path
        self.subPath = subPath
    }
}
