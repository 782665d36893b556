/// A file the service reads at start, rendered into the app's ConfigMap and mounted read-only at
/// ``path`` in every container.
public struct ConfigFileSpec: Hashable, Sendable {
    /// The key in the ConfigMap, which is also the file name (`config.yml`).
    public var name: String
    /// The absolute path of the file in the container.
    public var path: String
    /// The file's contents, ending in a newline.
    public var contents: String

    /// Creates a config file.
    public init(name: String, path: String, contents: String) {
        self.name = name
        self.path = path
        self.contents = contents
    }
}
