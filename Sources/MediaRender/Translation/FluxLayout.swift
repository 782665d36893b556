import MediaYAML

/// The typed content of every generated file, by path: what ``Renderer`` emits. Paths are relative to the
/// output root and unique.
struct FluxLayout {
    /// One generated file before it is text.
    enum Content {
        /// A Kubernetes or kustomize object, emitted as one YAML document.
        case manifest(any Manifest)
        /// A Markdown document (the namespace runbook), marker excluded.
        case markdown(String)
    }

    /// The files by path.
    private(set) var files: [String: Content] = [:]

    /// Adds a manifest at `path`.
    mutating func add(_ manifest: any Manifest, at path: String) { files[path] = .manifest(manifest) }

    /// Adds a Markdown document at `path`.
    mutating func addMarkdown(_ text: String, at path: String) { files[path] = .markdown(text) }

    /// Every file as text, sorted by path (UTF-8 bytes), each with the generated-file marker near its top.
    func renderedFiles() -> [RenderedFile] {
        let emitter = YAMLEmitter()
        return files.keys.sortedByBytes().compactMap { path in
            switch files[path] {
            case .manifest(let manifest):
                var header = [MediaRender.generatedMarker]
                if let url = manifest.schemaURL { header.append("yaml-language-server: $schema=\(url)") }
                let document = YAMLDocument(headerComments: header, root: manifest.yamlValue())
                return RenderedFile(path: path, contents: emitter.emit(document))
            case .markdown(let text):
                return RenderedFile(path: path, contents: "<!-- \(MediaRender.generatedMarker) -->\n" + text)
            case nil:
                return nil
            }
        }
    }
}
