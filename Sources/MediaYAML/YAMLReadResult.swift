/// What ``YAMLReader`` makes of a text: the document's root node (nil when the text holds no
/// document or a syntax error stopped the reader) and every problem found.
public struct YAMLReadResult: Sendable {
    /// The root node, when the text was read.
    public var root: YAMLNode?
    /// Problems found, in the order found: at most one fatal syntax error (after which `root` is nil),
    /// plus one error per duplicate key.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(root: YAMLNode?, diagnostics: [Diagnostic]) {
        self.root = root
        self.diagnostics = diagnostics
    }
}
