/// One finding about a text the user wrote: an error or a warning, where it is, and what it says.
///
/// Messages follow the project's error style: lowercase, no trailing period, user values in single
/// quotes, what was expected and what was found, and a suggestion when one is likely.
public struct Diagnostic: Hashable, Sendable {
    /// How serious a diagnostic is. Any error makes a command fail with exit status 1.
    public enum Severity: String, Hashable, Sendable {
        /// The input cannot be used as it is.
        case error
        /// The input works but is probably not what the user meant.
        case warning
    }

    /// Whether this is an error or a warning.
    public var severity: Severity
    /// Where the problem is, when it belongs to a place in the text.
    public var position: SourcePosition?
    /// The message, in the project's error style.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, at position: SourcePosition?, _ message: String) {
        self.severity = severity
        self.position = position
        self.message = message
    }

    /// An error at `position`.
    public static func error(at position: SourcePosition?, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: position, message)
    }

    /// A warning at `position`.
    public static func warning(at position: SourcePosition?, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: position, message)
    }
}

extension Array where Element == Diagnostic {
    /// The diagnostics sorted by position (diagnostics without one first), keeping the original order
    /// of diagnostics at the same position.
    public func sortedByPosition() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            let left = lhs.element.position ?? SourcePosition(line: 0, column: 0)
            let right = rhs.element.position ?? SourcePosition(line: 0, column: 0)
            return left == right ? lhs.offset < rhs.offset : left < right
        }.map(\.element)
    }

    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
