import MediaYAML

/// Reads the hand-written YAML files of an ``ImportSource`` in the reader's manifests mode, each once.
/// A file that does not parse is an error at its position: import then stops and changes nothing.
struct ManifestReader: Sendable {
    /// What is read.
    let source: ImportSource
    /// The documents of each file read so far.
    private var cache: [String: [ManifestDocument]] = [:]
    /// Files that did not parse, with the error.
    private(set) var errors: [ImportDiagnostic] = []

    /// A reader of `source`.
    init(source: ImportSource) { self.source = source }

    /// Whether `path` is a regular file that was read.
    func exists(_ path: String) -> Bool { source.files[path] != nil }

    /// The documents of `path`; nil when it is not a readable file or does not parse (``errors`` then says why).
    mutating func documents(_ path: String) -> [ManifestDocument]? {
        if let documents = cache[path] { return documents }
        guard let bytes = source.files[path] else { return nil }
        let result = YAMLReader(mode: .manifests).readDocuments(bytes)
        let problems = result.diagnostics.filter { $0.severity == .error }
        if !problems.isEmpty {
            if !errors.contains(where: { $0.path == path }) {
                errors += problems.map { ImportDiagnostic(path: path, $0) }
            }
            return nil
        }
        let documents = result.documents.map { ManifestDocument(path: path, node: $0) }
        cache[path] = documents
        return documents
    }

    /// The text of `path`, for files that are read as text (a values file of a ConfigMap generator).
    func text(_ path: String) -> String? {
        source.files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}
