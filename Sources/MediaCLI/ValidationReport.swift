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
        self.diagnostics = diagnostics.map {
            Entry(
                severity: $0.severity.rawValue, line: $0.position?.line, column: $0.position?.column,
                message: $0.message)
        }
    }

    /// Pretty-printed JSON with sorted keys and a final newline.
    func json() -> String { JSONText.encode(self) }
}
