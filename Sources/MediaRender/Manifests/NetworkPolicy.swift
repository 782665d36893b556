import MediaYAML

/// A `networking.k8s.io/v1` NetworkPolicy: the pods it selects, and the traffic allowed to and from them.
struct NetworkPolicy: Manifest {
    /// Who traffic may come from or go to.
    enum Peer: Hashable {
        /// Pods of these releases (`app.kubernetes.io/instance`) in a namespace; nil means the policy's own.
        case releases([String], namespace: String?)
        /// Every pod of a namespace.
        case namespace(String)
        /// Pods with these labels in a namespace.
        case pods([String: String], namespace: String)
        /// An address range, less some ranges.
        case addresses(String, except: [String])
    }

    /// A port and its protocol.
    struct Port: Hashable {
        var number: Int
        var transport = "TCP"
    }

    /// One allowed flow: from (or to) any of `peers`, on any of `ports` (every port when empty); no peers
    /// means from (or to) anywhere.
    struct Rule: Hashable {
        var peers: [Peer]
        var ports: [Port] = []
    }

    /// The label every app-template pod carries with its release (the app's name).
    static let releaseLabel = "app.kubernetes.io/instance"

    var name: String
    /// Pods with these labels; empty selects every pod of the namespace.
    var podLabels: [String: String]
    /// Allowed incoming traffic; nil leaves ingress unrestricted, empty denies it.
    var ingress: [Rule]?
    /// Allowed outgoing traffic; nil leaves egress unrestricted.
    var egress: [Rule]?

    var schemaURL: String? { SchemaURL.core("networkpolicy-networking-v1") }

    func yamlValue() -> YAMLValue {
        var spec = YAMLMapping([
            ("podSelector", podLabels.isEmpty ? .mapping(YAMLMapping()) : ["matchLabels": .sortedStrings(podLabels)])
        ])
        var types: [YAMLValue] = []
        if ingress != nil { types.append("Ingress") }
        if egress != nil { types.append("Egress") }
        spec.set("policyTypes", .sequence(types))
        if let ingress, !ingress.isEmpty {
            spec.set("ingress", .sequence(ingress.map { value(of: $0, peersKey: "from") }))
        }
        if let egress, !egress.isEmpty { spec.set("egress", .sequence(egress.map { value(of: $0, peersKey: "to") })) }
        return object("networking.k8s.io/v1", "NetworkPolicy", ObjectMeta(name: name), [("spec", .mapping(spec))])
    }

    private func value(of rule: Rule, peersKey: String) -> YAMLValue {
        var mapping = YAMLMapping()
        if !rule.peers.isEmpty { mapping.set(peersKey, .sequence(rule.peers.map(value(of:)))) }
        if !rule.ports.isEmpty {
            mapping.set(
                "ports",
                .sequence(rule.ports.map { ["protocol": .string($0.transport), "port": .integer($0.number)] }))
        }
        return .mapping(mapping)
    }

    private func value(of peer: Peer) -> YAMLValue {
        func namespaceSelector(_ namespace: String) -> YAMLValue {
            ["matchLabels": ["kubernetes.io/metadata.name": .string(namespace)]]
        }
        switch peer {
        case .releases(let names, let namespace):
            var mapping = YAMLMapping()
            if let namespace { mapping.set("namespaceSelector", namespaceSelector(namespace)) }
            let selector: YAMLValue =
                names.count == 1
                ? ["matchLabels": [Self.releaseLabel: .string(names[0])]]
                : [
                    "matchExpressions": [
                        ["key": .string(Self.releaseLabel), "operator": "In", "values": .strings(names)]
                    ]
                ]
            mapping.set("podSelector", selector)
            return .mapping(mapping)
        case .namespace(let namespace):
            return ["namespaceSelector": namespaceSelector(namespace)]
        case .pods(let labels, let namespace):
            return [
                "namespaceSelector": namespaceSelector(namespace),
                "podSelector": ["matchLabels": .sortedStrings(labels)],
            ]
        case .addresses(let cidr, let except):
            var block = YAMLMapping([("cidr", .string(cidr))])
            if !except.isEmpty { block.set("except", .strings(except)) }
            return ["ipBlock": .mapping(block)]
        }
    }
}
