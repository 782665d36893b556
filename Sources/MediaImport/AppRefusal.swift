import MediaYAML

/// Why an app stays hand-written: each reason located in the file that shows it.
struct AppRefusal: Error, Sendable {
    /// The reasons, in the order found.
    var reasons: [ImportDiagnostic]

    init(_ reasons: [ImportDiagnostic]) { self.reasons = reasons }

    init(path: String, at position: SourcePosition?, _ message: String) {
        reasons = [ImportDiagnostic(path: path, .error(at: position, message))]
    }
}
