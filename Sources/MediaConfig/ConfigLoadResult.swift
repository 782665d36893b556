import MediaKit
import MediaYAML

/// What loading `mediactl.yaml` gives: the stack when the file is valid, and every diagnostic
/// (errors and warnings) sorted by position.
public struct ConfigLoadResult: Sendable {
    /// The decoded stack; nil when there is any error.
    public var stack: Stack?
    /// Every problem found, sorted by position.
    public var diagnostics: [Diagnostic]
    /// The parsed node tree, when the file was syntactically valid.
    public var root: YAMLNode?

    /// Creates a result.
    public init(stack: Stack?, diagnostics: [Diagnostic], root: YAMLNode?) {
        self.stack = stack
        self.diagnostics = diagnostics
        self.root = root
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.containsErrors }
}
