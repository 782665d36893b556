import MediaYAML

/// A Kubernetes or kustomize object mediactl renders: a small struct with only the fields mediactl sets.
/// Translators build these; only the emitter turns them into text.
protocol Manifest: Sendable {
    /// The `# yaml-language-server: $schema=` URL for editors, when a public schema exists.
    var schemaURL: String? { get }
    /// The object as a YAML value, keys in the order Kubernetes documentation lists them.
    func yamlValue() -> YAMLValue
}

/// `metadata` of an object: name, optional namespace, labels and annotations (sorted by key).
struct ObjectMeta: Hashable, Sendable {
    var name: String
    var namespace: String?
    var labels: [String: String] = [:]
    var annotations: [String: String] = [:]

    func yamlValue() -> YAMLValue {
        var mapping = YAMLMapping([("name", .string(name))])
        if let namespace { mapping.set("namespace", .string(namespace)) }
        if !labels.isEmpty { mapping.set("labels", .sortedStrings(labels)) }
        if !annotations.isEmpty { mapping.set("annotations", .sortedStrings(annotations)) }
        return .mapping(mapping)
    }
}

extension YAMLValue {
    /// A map of strings from the user or the catalog, sorted by key.
    static func sortedStrings(_ map: [String: String]) -> YAMLValue {
        .mapping(YAMLMapping.sortedByKey(map.mapValues { .string($0) }))
    }

    /// A list of strings.
    static func strings(_ items: [String]) -> YAMLValue { .sequence(items.map { .string($0) }) }
}

/// Builds the `apiVersion`, `kind`, `metadata`, `spec` skeleton every object shares.
func object(
    _ apiVersion: String, _ kind: String, _ metadata: ObjectMeta, _ rest: [(String, YAMLValue)]
)
    -> YAMLValue
{
    .mapping(
        YAMLMapping(
            [("apiVersion", .string(apiVersion)), ("kind", .string(kind)), ("metadata", metadata.yamlValue())]
                + rest))
}
