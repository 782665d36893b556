/// One generated file, in memory: a path relative to the Flux repository's root and its full text.
public struct RenderedFile: Hashable, Sendable {
    /// The path relative to the output root, `/`-separated, never absolute and never with `..`.
    public var path: String
    /// The file's text: UTF-8, `\n` line endings, one final newline, the generated-file marker near the top.
    public var contents: String

    /// Creates a file.
    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
