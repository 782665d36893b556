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

extension ConfigLoadResult {
    /// Where `keyPath` is in the config: the key of its deepest component that exists, or nil when not
    /// even the first one does.
    public func position(of keyPath: [String]) -> SourcePosition? {
        var node = root
        var position: SourcePosition?
        for key in keyPath {
            guard let pair = node?.pairs?.first(where: { $0.keyText == key }) else { break }
            position = pair.key.position
            node = pair.value
        }
        return position
    }

    /// Validation issues as located diagnostics.
    public func diagnostics(for issues: [ValidationIssue]) -> [Diagnostic] {
        issues.map { issue in
            Diagnostic(issue.severity == .error ? .error : .warning, at: position(of: issue.keyPath), issue.message)
        }
    }
}
