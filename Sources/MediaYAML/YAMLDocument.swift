/// A YAML file's content: comment lines at the top, then one value.
public struct YAMLDocument: Hashable, Sendable {
    /// Comment lines printed first (without `# `), such as the generated-file marker.
    public var headerComments: [String]
    /// The document's value.
    public var root: YAMLValue

    /// Creates a document.
    public init(headerComments: [String] = [], root: YAMLValue) {
        self.headerComments = headerComments
        self.root = root
    }
}
