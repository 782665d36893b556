import Dispatch
import MediaYAML

/// The typed content of every generated file, by path: what ``Renderer`` lays out and then emits. Paths are
/// relative to the output root and unique.
package struct FluxLayout {
    /// One generated file before it is text.
    enum Content: Sendable {
        /// A Kubernetes or kustomize object, emitted as one YAML document.
        case manifest(any Manifest)
        /// A Markdown document (the namespace runbook), marker excluded, written when the file is emitted.
        case markdown(@Sendable () -> String)
    }

    /// A generated file before it is text.
    struct File {
        /// Its path relative to the output root.
        let path: String
        /// What it holds.
        let content: Content
    }

    /// The files in the order they were added.
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
    /// A large tree is emitted on every core, a slice of files each; a small one on the caller's thread, where
    /// waiting for another thread to start costs more than it saves (`Benchmarks/README.md`). The text does not
    /// depend on which thread emitted a file.
    ///
    /// `parallelFileCount` is the number of files from which emitting is spread (tests pass 1 and `Int.max`).
    package func renderedFiles(parallelFileCount: Int = Self.parallelFileCount) -> [RenderedFile] {
        let files = self.files
        let emitter = YAMLEmitter()
        guard files.count >= parallelFileCount else { return files.map { Self.text(of: $0, emitter: emitter) } }
        // More slices than cores, so a core that finishes early takes another; Dispatch runs one thread per core.
        let slices = 16
        let slice = (files.count + slices - 1) / slices
        return Array(unsafeUninitializedCapacity: files.count) { buffer, count in
            guard let start = buffer.baseAddress else { return }
            let base = SendablePointer(pointer: start)
            DispatchQueue.concurrentPerform(iterations: slices) { part in
                for index in min(part * slice, files.count)..<min((part + 1) * slice, files.count) {
                    (base.pointer + index).initialize(to: Self.text(of: files[index], emitter: emitter))
                }
            }
            count = files.count
        }
    }

    /// The number of files from which emitting is spread over every core.
    package static let parallelFileCount = 1_000

    /// A buffer's start, handed to the threads that each initialize their own slice of it.
    private struct SendablePointer: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<RenderedFile>
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
