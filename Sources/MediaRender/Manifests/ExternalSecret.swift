import MediaKit
import MediaYAML

/// The app's `externalsecret.yaml` (external-secrets.io/v1): every `secrets:` entry with an
/// `externalSecret` source, fetched into one Secret the app reads its variables from.
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
    var entries: [Entry]

    var schemaURL: String? { SchemaURL.externalSecret }

    func yamlValue() -> YAMLValue {
        let data: [YAMLValue] = entries.map { entry in
            var remote = YAMLMapping([("key", .string(entry.key))])
            if let property = entry.property { remote.set("property", .string(property)) }
            return ["secretKey": .string(entry.variable), "remoteRef": .mapping(remote)]
        }
        return object(
            "external-secrets.io/v1", "ExternalSecret", ObjectMeta(name: name),
            [
                (
                    "spec",
                    [
                        "refreshInterval": "1h",
                        "secretStoreRef": ["kind": "ClusterSecretStore", "name": .string(store)],
                        "target": ["name": .string(targetName), "creationPolicy": "Owner"],
                        "data": .sequence(data),
                    ]
                )
            ])
    }
}
