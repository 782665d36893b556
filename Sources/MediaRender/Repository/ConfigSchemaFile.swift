import MediaConfig
import MediaKit
import MediaYAML

/// The JSON Schema of `mediactl.yaml` as a file: what `render` writes at `repo.schema` (by default
/// `.mediactl/schema.json`) and `mediactl schema` prints. JSON has no comments, so the marker is the object's
/// first member, on the first line (``MediaRender/markerLine(forPath:)``).
public enum ConfigSchemaFile {
    /// The file's text: the schema of ``MediaConfig/ConfigSchema``, 2-space JSON, its first line the marker.
    public static let text: String = {
        let json = JSONEmitter().emit(.mapping(ConfigSchema.document()))
        // The emitted object opens with `{` on a line of its own; the marker line opens it instead.
        return MediaRender.markerLine(forPath: "schema.json") + json.dropFirst()
    }()

    /// The file for `stack`, or nil when `repo.schema` is `false`.
    static func file(for stack: Stack) -> RenderedFile? {
        stack.repo.schema.map { RenderedFile(path: $0, contents: text) }
    }
}
