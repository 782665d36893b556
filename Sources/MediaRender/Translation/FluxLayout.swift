import MediaThreads
import MediaYAML

/// The typed content of every generated file, by path: what ``Renderer`` emits. Paths are relative to the
/// output root and unique.
struct FluxLayout {
    /// One generated file before it is text.
    enum Content: Sendable {
        /// A Kubernetes or kustomize object, emitted as one YAML document.
        case manifest(any Manifest)
        /// A Markdown document (the namespace runbook), marker excluded, written when the file is emitted
        /// so that it is written on the emitting lanes too.
        case markdown(@Sendable () -> String)
    }

    /// The files by path.
    private(set) var files: [String: Content] = [:]

    /// Adds a manifest at `path`.
    mutating func add(_ manifest: any Manifest, at path: String) { files[path] = .manifest(manifest) }

    /// Adds a Markdown document at `path`, which `write` produces when the files are emitted.
    mutating func addMarkdown(at path: String, _ write: @escaping @Sendable () -> String) {
        files[path] = .markdown(write)
    }

    /// Every file as text, sorted by path (UTF-8 bytes), each with the generated-file marker near its top.
    ///
    /// Files are independent, so they can be emitted on `lanes` threads (each takes the next file not yet
    /// taken); the result is the same list in the same order as emitting them one by one. Below 64 files one
    /// lane is faster.
    func renderedFiles(lanes: Int = 1) -> [RenderedFile] {
        let paths = files.keys.sortedByBytes()
        let lanes = paths.count < 64 ? 1 : max(1, lanes)
        var rendered = [RenderedFile?](repeating: nil, count: paths.count)
        rendered.withUnsafeMutableBufferPointer { buffer in
            // Each file has its own slot, so the threads never touch the same element.
            nonisolated(unsafe) let slots = buffer
            // One file at a time: each thread takes the next file not yet taken, so a helper that starts late
            // (or a large file) does not leave the others waiting.
            Lanes.run(iterations: paths.count, lanes: lanes) { index in
                slots[index] = file(at: paths[index], emitter: YAMLEmitter())
            }
        }
        return rendered.compactMap { $0 }
    }

    private func file(at path: String, emitter: YAMLEmitter) -> RenderedFile? {
        switch files[path] {
        case .manifest(let manifest):
            var header = [MediaRender.generatedMarker]
            if let url = manifest.schemaURL { header.append("yaml-language-server: $schema=\(url)") }
            let document = YAMLDocument(headerComments: header, root: manifest.yamlValue())
            return RenderedFile(path: path, contents: emitter.emit(document))
        case .markdown(let write):
            return RenderedFile(path: path, contents: "<!-- \(MediaRender.generatedMarker) -->\n" + write())
        case nil:
            return nil
        }
    }
}
