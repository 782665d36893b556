/// A problem with a decoded stack that no single key shows: a dependency cycle, two apps on one host,
/// a service mediactl cannot render yet. The config layer turns ``keyPath`` into a line and column.
public struct ValidationIssue: Hashable, Sendable {
    /// Whether the issue stops `render` and fails `check` (errors) or is only reported (warnings).
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
    }

    /// Error or warning.
    public var severity: Severity
    /// The keys from the top of `mediactl.yaml` to the place the issue is about, such as
    /// `["apps", "plex-exporter", "dependsOn"]`; the deepest key that exists is reported.
    public var keyPath: [String]
    /// Lowercase, no trailing period, user values in single quotes.
    public var message: String

    /// Creates an issue.
    public init(_ severity: Severity, at keyPath: [String], _ message: String) {
        self.severity = severity
        self.keyPath = keyPath
        self.message = message
    }
}
