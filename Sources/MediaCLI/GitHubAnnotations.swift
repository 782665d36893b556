import Foundation
import MediaYAML

/// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`): each diagnostic becomes
/// an annotation on its config line, each drifted file one on that file, shown on the pull request.
enum GitHubAnnotations {
    /// One annotation line.
    static func line(
        _ severity: Diagnostic.Severity, file: String, line: Int? = nil, column: Int? = nil, title: String,
        message: String
    ) -> String {
        var properties = ["file=\(escapeProperty(file))"]
        if let line { properties.append("line=\(line)") }
        if let column { properties.append("col=\(column)") }
        properties.append("title=\(escapeProperty(title))")
        let command = severity == .error ? "error" : "warning"
        return
            "::\(command) \(properties.joined(separator: ","))::\(escapeData(DiagnosticFormatter.escaped(message)))\n"
    }

    /// `path` relative to `directory` when it lies below it (GitHub resolves annotation paths from the
    /// workspace, where CI runs), else unchanged.
    static func relativePath(_ url: URL, to directory: URL) -> String {
        let base = directory.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }

    /// The message escaping of workflow commands: `%`, CR and LF.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// The property escaping of workflow commands: the data escapes plus `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
