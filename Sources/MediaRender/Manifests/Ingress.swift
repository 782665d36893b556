import MediaYAML

/// A networking.k8s.io/v1 Ingress for one host and one backend Service, used for proxied apps (apps
/// mediactl deploys get theirs through the chart's `ingress` values).
struct Ingress: Manifest {
    var name: String
    var className: String
    var host: String
    var serviceName: String
    var servicePort: Int
    var annotations: [String: String]
    var labels: [String: String] = [:]
    /// The TLS Secret; nil uses the ingress controller's default (wildcard) certificate.
    var tlsSecretName: String?

    var schemaURL: String? { SchemaURL.core("ingress-networking-v1") }

    func yamlValue() -> YAMLValue {
        var tls = YAMLMapping([("hosts", [.string(host)])])
        if let tlsSecretName { tls.set("secretName", .string(tlsSecretName)) }
        let backend: YAMLValue = ["service": ["name": .string(serviceName), "port": ["number": .integer(servicePort)]]]
        return object(
            "networking.k8s.io/v1", "Ingress", ObjectMeta(name: name, labels: labels, annotations: annotations),
            [
                (
                    "spec",
                    [
                        "ingressClassName": .string(className),
                        "rules": [
                            [
                                "host": .string(host),
                                "http": ["paths": [["path": "/", "pathType": "Prefix", "backend": backend]]],
                            ]
                        ],
                        "tls": [.mapping(tls)],
                    ]
                )
            ])
    }
}
