import MediaKit
import MediaYAML

/// An ExternalSecret (external-secrets.io/v1) filling one Secret from a ClusterSecretStore: the app's
/// `externalsecret.yaml` (each `secrets:` entry with an `externalSecret` source, one key each), or the
/// backup repository credentials (every key of one store item, plus templated keys).
struct ExternalSecret: Manifest {
    /// One variable: where its value lives in the store.
    struct Entry: Hashable {
        var variable: String
        var key: String
        var property: String?
    }

    var name: String
    var targetName: String
    var store: String
    /// Single keys copied into the Secret.
    var entries: [Entry] = []
    /// A store item whose every key is copied into the Secret.
    var extractKey: String?
    /// Keys written from a template (external-secrets template engine v2), merged over the copied keys.
    var templateData: [String: String] = [:]

    var schemaURL: String? { SchemaURL.externalSecret }

    func yamlValue() -> YAMLValue {
        var target = YAMLMapping([("name", .string(targetName)), ("creationPolicy", "Owner")])
        if !templateData.isEmpty {
            target.set(
                "template", ["engineVersion": "v2", "mergePolicy": "Merge", "data": .sortedStrings(templateData)])
        }
        var spec = YAMLMapping([
            ("refreshInterval", "1h"),
            ("secretStoreRef", ["kind": "ClusterSecretStore", "name": .string(store)]),
            ("target", .mapping(target)),
        ])
        if !entries.isEmpty {
            let data: [YAMLValue] = entries.map { entry in
                var remote = YAMLMapping([("key", .string(entry.key))])
                if let property = entry.property { remote.set("property", .string(property)) }
                return ["secretKey": .string(entry.variable), "remoteRef": .mapping(remote)]
            }
            spec.set("data", .sequence(data))
        }
        if let extractKey { spec.set("dataFrom", [["extract": ["key": .string(extractKey)]]]) }
        return object("external-secrets.io/v1", "ExternalSecret", ObjectMeta(name: name), [("spec", .mapping(spec))])
    }
}
