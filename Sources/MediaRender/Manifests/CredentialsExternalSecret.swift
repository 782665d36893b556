import MediaKit
import MediaYAML

/// An ExternalSecret (external-secrets.io/v1) that copies every key of one store item into a Secret, with
/// optional templated keys on top: the backup repository credentials.
struct CredentialsExternalSecret: Manifest {
    var name: String
    var targetName: String
    var credentials: BackupSettings.Credentials
    /// Keys written from a template (external-secrets template engine v2), merged over the copied keys.
    var templateData: [String: String] = [:]

    var schemaURL: String? { SchemaURL.externalSecret }

    func yamlValue() -> YAMLValue {
        var target = YAMLMapping([("name", .string(targetName)), ("creationPolicy", "Owner")])
        if !templateData.isEmpty {
            target.set(
                "template",
                ["engineVersion": "v2", "mergePolicy": "Merge", "data": .sortedStrings(templateData)])
        }
        return object(
            "external-secrets.io/v1", "ExternalSecret", ObjectMeta(name: name),
            [
                (
                    "spec",
                    [
                        "refreshInterval": "1h",
                        "secretStoreRef": ["kind": "ClusterSecretStore", "name": .string(credentials.store)],
                        "target": .mapping(target),
                        "dataFrom": [["extract": ["key": .string(credentials.key)]]],
                    ]
                )
            ])
    }
}
