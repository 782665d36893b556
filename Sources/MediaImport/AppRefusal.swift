import MediaYAML

/// Why an app stays hand-written: each reason located in the file that shows it.
struct AppRefusal: Error, Sendable {
    /// The reasons, in the order found.
    var reasons: [ImportDiagnostic]

    /// A refusal for `reasons` (empty when a parse error, reported on its own, stopped the reading).
    init(_ reasons: [ImportDiagnostic]) { self.reasons = reasons }

    /// A refusal for one reason in `path`.
    init(path: String, at position: SourcePosition?, _ message: String) {
        reasons = [ImportDiagnostic(path: path, .error(at: position, message))]
    }
}
