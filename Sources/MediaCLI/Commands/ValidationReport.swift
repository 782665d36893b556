import Foundation
import MediaYAML

/// The JSON form of a validation: `{"path", "valid", "errors", "warnings", "diagnostics": [...]}`.
struct ValidationReport: Encodable {
    /// One diagnostic in JSON.
    struct Entry: Encodable {
        let severity: String
        let line: Int?
        let column: Int?
        let message: String

        /// The entry of one diagnostic.
        init(_ diagnostic: Diagnostic) {
            severity = diagnostic.severity.rawValue
            line = diagnostic.position?.line
            column = diagnostic.position?.column
            message = diagnostic.message
        }
    }

    let path: String
    let valid: Bool
    let errors: Int
    let warnings: Int
    let diagnostics: [Entry]

    init(path: String, diagnostics: [Diagnostic]) {
        self.path = path
        errors = diagnostics.filter { $0.severity == .error }.count
        warnings = diagnostics.count - errors
        valid = errors == 0
        self.diagnostics = diagnostics.map(Entry.init)
    }

    /// Pretty-printed JSON with sorted keys and a final newline.
    func json() -> String { JSONText.encode(self) }
}
