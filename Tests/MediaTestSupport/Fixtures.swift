import Foundation

/// Where the package's fixtures and examples are, found from this file's path so tests run from any
/// working directory.
public enum Fixtures {
    /// The package root.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Fixtures/` at the package root.
    public static let root = packageRoot.appendingPathComponent("Fixtures")

    /// `Examples/` at the package root.
    public static let examples = packageRoot.appendingPathComponent("Examples")

    /// A file's text, or nil when it cannot be read.
    public static func text(_ url: URL) -> String? {
        try? String(contentsOf: url, encoding: .utf8)
    }

    /// The names of the entries of a directory, sorted by UTF-8 bytes; empty when it does not exist.
    public static func entries(of directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Every `Examples/*/mediactl.yaml`.
    public static func exampleConfigs() -> [URL] {
        entries(of: examples).map { examples.appendingPathComponent($0).appendingPathComponent("mediactl.yaml") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }
}
