import MediaKit
import MediaYAML

/// Takes out of the remaining values what says nothing mediactl's render does not say already (the chart's
/// defaults written out, the image the `image` key pins, probes that check what mediactl's check), so the
/// `values:` that remain are what sets the app apart.
extension AppMapper {
    /// The sections whose items the chart enables unless they say `enabled: false`.
    private static let itemSections = [
        "controllers", "service", "ingress", "route", "persistence", "configMaps", "secrets", "serviceMonitor",
    ]

    /// `values` without what mediactl renders the same way.
    mutating func normalized(_ values: YAMLNode) -> YAMLNode {
        var values = values
        if values[path: "global", "nameOverride"]?.text == app.name {
            values = AppMapper.replacing(in: values, at: ["global", "nameOverride"], with: nil)
        }
        values = AppMapper.withoutEmpty(values, "global")
        for section in Self.itemSections {
            guard let items = values[section] else { continue }
            let pairs = (items.pairs ?? []).map { pair in
                YAMLPair(key: pair.key, value: Self.withoutEnabledTrue(pair.value, section: section))
            }
            values = values.setting(section, YAMLNode(.mapping(pairs), at: items.position))
        }
        let container = ["controllers", app.name, "containers", AppMapper.mainIdentifier]
        if var node = values[path: container[0], container[1], container[2], container[3]] {
            if var image = node["image"] {
                for key in ["repository", "tag", "digest"] { image = image.removing(key) }
                node = image.pairs?.isEmpty == true ? node.removing("image") : node.setting("image", image)
            }
            node = normalizedProbes(node, path: container)
            values = AppMapper.replacing(in: values, at: container, with: node)
        }
        if var service = values[path: "service", AppMapper.mainIdentifier] {
            if service["type"]?.text == "ClusterIP" { service = service.removing("type") }
            if let ports = service["ports"] {
                let count = ports.pairs?.count ?? 0
                let pairs = (ports.pairs ?? []).map { pair -> YAMLPair in
                    var port = pair.value
                    if ["TCP", "HTTP"].contains(port["protocol"]?.text ?? "") { port = port.removing("protocol") }
                    if count == 1, port["primary"]?.isBoolean(true) == true { port = port.removing("primary") }
                    return YAMLPair(key: pair.key, value: port)
                }
                service = service.setting("ports", YAMLNode(.mapping(pairs), at: ports.position))
            }
            values = AppMapper.replacing(in: values, at: ["service", AppMapper.mainIdentifier], with: service)
        }
        if spec.expose != Exposure.none, var ingress = values[path: "ingress", AppMapper.mainIdentifier],
            let hosts = ingress["hosts"]?.items
        {
            let port = reading.mainService?.port.node["port"]?.integer
            let normalizedHosts = hosts.map { host -> YAMLNode in
                guard let paths = host["paths"]?.items else { return host }
                let normalizedPaths = paths.map { path -> YAMLNode in
                    var path = path
                    if path["pathType"]?.text == "Prefix" { path = path.removing("pathType") }
                    if let service = path["service"], service["identifier"]?.text == AppMapper.mainIdentifier,
                        let number = service["port"]?.integer, number == port
                    {
                        path = path.setting("service", service.setting("port", .plain(portName, at: service.position)))
                    }
                    return path
                }
                return host.setting(
                    "paths", YAMLNode(.sequence(normalizedPaths), at: host["paths"]?.position ?? host.position))
            }
            ingress = ingress.setting(
                "hosts", YAMLNode(.sequence(normalizedHosts), at: ingress["hosts"]?.position ?? ingress.position))
            values = AppMapper.replacing(in: values, at: ["ingress", AppMapper.mainIdentifier], with: ingress)
        }
        return values
    }

    private static func withoutEnabledTrue(_ item: YAMLNode, section: String) -> YAMLNode {
        var item = item
        if item["enabled"]?.isBoolean(true) == true { item = item.removing("enabled") }
        if section == "controllers" {
            for key in ["containers", "initContainers"] {
                guard let containers = item[key] else { continue }
                let pairs = (containers.pairs ?? []).map { pair in
                    YAMLPair(
                        key: pair.key,
                        value: pair.value["enabled"]?.isBoolean(true) == true
                            ? pair.value.removing("enabled") : pair.value)
                }
                item = item.setting(key, YAMLNode(.mapping(pairs), at: containers.position))
            }
        }
        if section == "service", let ports = item["ports"] {
            let pairs = (ports.pairs ?? []).map { pair in
                YAMLPair(
                    key: pair.key,
                    value: pair.value["enabled"]?.isBoolean(true) == true ? pair.value.removing("enabled") : pair.value)
            }
            item = item.setting("ports", YAMLNode(.mapping(pairs), at: ports.position))
        }
        return item
    }

    /// What a probe checks.
    private enum ProbeCheck: Equatable {
        case off
        case tcp(port: Int?)
        case http(path: String, port: Int?)
        case other
    }

    /// The main container without the probes that check what mediactl's check; a probe that checks something else
    /// is kept and replaces mediactl's whole.
    private mutating func normalizedProbes(_ container: YAMLNode, path: [String]) -> YAMLNode {
        guard let probes = container["probes"] else { return container }
        let resolved = self.resolved
        let rendered: [String: ProbeCheck]
        if let port = resolved.port?.number, resolved.schedule == nil {
            let readiness: ProbeCheck
            switch resolved.probe {
            case .http(let healthPath): readiness = .http(path: healthPath, port: port)
            case .tcp: readiness = .tcp(port: port)
            case .none: readiness = .off
            }
            rendered =
                readiness == .off
                ? [:] : ["liveness": .tcp(port: port), "readiness": readiness, "startup": .tcp(port: port)]
        } else {
            rendered = [:]
        }
        var node = probes
        var kept: [String] = []
        for kind in ["liveness", "readiness", "startup"] {
            guard let probe = probes[kind], let expected = rendered[kind] else { continue }
            if check(of: probe) == expected {
                node = node.removing(kind)
            } else {
                kept.append(kind)
                exactPaths.append(path + ["probes", kind])
            }
        }
        if !rendered.isEmpty {
            notes.append(
                kept.isEmpty
                    ? "probes check what mediactl's check → mediactl's probes"
                    : "probes \(kept.joined(separator: ", ")) check something else → values")
        }
        return node.pairs?.isEmpty == true ? container.removing("probes") : container.setting("probes", node)
    }

    /// What `probe` checks: a custom probe its action, the chart's own a TCP (or HTTP) check of the primary port.
    private func check(of probe: YAMLNode) -> ProbeCheck {
        guard probe["enabled"]?.isBoolean(true) == true else { return .off }
        let primary = reading.mainService?.port.node["port"]?.integer
        func port(_ node: YAMLNode?) -> Int? {
            guard let node else { return primary }
            if let number = node.integer { return number }
            return node.text == reading.mainService?.port.name || node.text == portName ? primary : nil
        }
        if probe["custom"]?.isBoolean(true) == true {
            let spec = probe["spec"]
            if let http = spec?["httpGet"], http["scheme"] == nil || http["scheme"]?.text == "HTTP",
                http["httpHeaders"] == nil
            {
                return .http(path: http["path"]?.text ?? "/", port: port(http["port"]))
            }
            if let tcp = spec?["tcpSocket"] { return .tcp(port: port(tcp["port"])) }
            return .other
        }
        switch probe["type"]?.text ?? "TCP" {
        case "TCP": return .tcp(port: primary)
        case "HTTP": return .http(path: probe["path"]?.text ?? "/", port: primary)
        default: return .other
        }
    }
}
