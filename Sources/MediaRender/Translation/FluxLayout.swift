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

    /// A generated file before it is text.
    struct File {
        /// Its path relative to the output root.
        let path: String
        /// What it holds.
        let content: Content
    }

    /// The files in the order they were added. Kept in a list and sorted once: hashing each path into a
    /// dictionary cost more than the sort, on the one thread the layout runs on.
    private var added: [File] = []

    /// Adds a manifest at `path`, replacing what was added there before.
    mutating func add(_ manifest: any Manifest, at path: String) {
        added.append(File(path: path, content: .manifest(manifest)))
    }

    /// Adds a Markdown document at `path`, which `write` produces when the files are emitted; it replaces what
    /// was added there before.
    mutating func addMarkdown(at path: String, _ write: @escaping @Sendable () -> String) {
        added.append(File(path: path, content: .markdown(write)))
    }

    /// The files sorted by path (UTF-8 bytes), each path once: the last added there. Paths are compared by
    /// their bytes, so two spellings of a name in different Unicode forms are two files, as on disk.
    var files: [File] {
        var order = Array(added.indices)
        order.sort { added[$0].path.precedesInByteOrder(added[$1].path) }
        var files: [File] = []
        files.reserveCapacity(order.count)
        for (position, index) in order.enumerated() {
            // The sort is stable: of the files added at one path, the last added comes last.
            let next = position + 1 < order.count ? order[position + 1] : nil
            if let next, added[next].path.hasSameBytes(as: added[index].path) { continue }
            files.append(added[index])
        }
        return files
    }

    /// Every file as text, sorted by path (UTF-8 bytes), each with the generated-file marker near its top.
    ///
    /// Files are independent, so they can be emitted on `lanes` threads (each takes the next file not yet
    /// taken); the result is the same list in the same order as emitting them one by one. Below 64 files one
    /// lane is faster.
    func renderedFiles(lanes: Int = 1) -> [RenderedFile] {
        let files = self.files
        let lanes = files.count < 64 ? 1 : max(1, lanes)
        var rendered = [RenderedFile?](repeating: nil, count: files.count)
        rendered.withUnsafeMutableBufferPointer { buffer in
            // Each file has its own slot, so the threads never touch the same element.
            nonisolated(unsafe) let slots = buffer
            // One file at a time: each thread takes the next file not yet taken, so a helper that starts late
            // (or a large file) does not leave the others waiting.
            Lanes.run(iterations: files.count, lanes: lanes) { index in
                slots[index] = Self.text(of: files[index], emitter: YAMLEmitter())
            }
        }
        return rendered.compactMap { $0 }
    }

    private static func text(of file: File, emitter: YAMLEmitter) -> RenderedFile {
        switch file.content {
        case .manifest(let manifest):
            var header = [MediaRender.generatedMarker]
            if let url = manifest.schemaURL { header.append("yaml-language-server: $schema=\(url)") }
            let document = YAMLDocument(headerComments: header, root: manifest.yamlValue())
            return RenderedFile(path: file.path, contents: emitter.emit(document))
        case .markdown(let write):
            return RenderedFile(path: file.path, contents: "<!-- \(MediaRender.generatedMarker) -->\n" + write())
        }
    }
}
