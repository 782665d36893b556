/// What ``YAMLReader/readDocuments(_:)`` makes of a text: its documents, in order, and every problem found.
public struct YAMLStreamResult: Sendable {
    /// The documents read: empty when a syntax error stopped the reader or the text holds none.
    public var documents: [YAMLNode]
    /// Problems found, in the order found: at most one fatal syntax error (after which `documents` is
    /// empty), plus one error per duplicate key.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(documents: [YAMLNode], diagnostics: [Diagnostic]) {
        self.documents = documents
        self.diagnostics = diagnostics
    }
}
