import MediaYAML

/// A Service of type ExternalName: the cluster name of an app that runs outside the cluster (a proxy
/// app's target, such as seed 001's mediabox apps on a Docker host).
struct ExternalNameService: Manifest {
    var name: String
    var externalName: String
    var port: Int

    var schemaURL: String? { SchemaURL.core("service-v1") }

    /// The port's name: `https` for 443, `http` otherwise.
    var portName: String { port == 443 ? "https" : "http" }

    func yamlValue() -> YAMLValue {
        object(
            "v1", "Service", ObjectMeta(name: name),
            [
                (
                    "spec",
                    [
                        "type": "ExternalName",
                        "externalName": .string(externalName),
                        "ports": [["name": .string(portName), "port": .integer(port), "protocol": "TCP"]],
                    ]
                )
            ])
    }
}
