import MediaYAML

/// A problem in a hand-written file: the file's path (relative to the repository root) and the diagnostic,
/// positioned in that file when it has a place.
public struct ImportDiagnostic: Hashable, Sendable {
    /// The file, relative to the repository root.
    public var path: String
    /// What is wrong, and where in the file.
    public var diagnostic: Diagnostic

    /// Creates a diagnostic about `path`.
    public init(path: String, _ diagnostic: Diagnostic) {
        self.path = path
        self.diagnostic = diagnostic
    }

    /// `path:line:col: message` (or `path: message`), without the severity: how the report names a place.
    public var located: String {
        if let position = diagnostic.position { return "\(path):\(position): \(diagnostic.message)" }
        return "\(path): \(diagnostic.message)"
    }
}
