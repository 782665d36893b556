import MediaKit
import MediaYAML

/// Exposure: the Ingress or route in front of the app's Service → `expose`, `host`, `auth` (and the stack's
/// domain, classes, gateways and forward-auth annotations).
extension AppMapper {
    /// Maps the Ingress or route in front of the main Service.
    mutating func mapExposure(_ remaining: inout YAMLNode) throws(AppRefusal) {
        let fallback: Exposure = reading.spec?.exposure ?? .internal
        var level: Exposure = .none
        var hostLabel: String?
        var auth: Bool?
        switch stack.exposure.mode {
        case .ingress:
            if let ingress = reading.ingress, let className = ingress.node["className"]?.text,
                let found = [Exposure.internal, .external].first(where: {
                    stack.exposure.ingressClasses[$0] == className
                }),
                let label = label(of: reading.host)
            {
                level = found
                hostLabel = label
                var node = ingress.node.removing("className")
                var annotations = node["annotations"]
                let authKeys = stack.exposure.authAnnotations
                let hasAuth =
                    !authKeys.isEmpty
                    && authKeys.allSatisfy { annotations?[$0.key]?.text == $0.value }
                    && stack.exposure.authLabels.allSatisfy { node[path: "labels", $0.key]?.text == $0.value }
                // Without a mechanism in the stack, `auth` changes nothing that renders: it stays the catalog's.
                if stack.exposure.hasAuthentication { auth = hasAuth }
                if hasAuth {
                    for key in authKeys.keys { annotations = annotations?.removing(key) }
                    for key in stack.exposure.authLabels.keys {
                        node = AppMapper.replacing(in: node, at: ["labels", key], with: nil)
                    }
                }
                if let issuer = stack.exposure.tlsIssuer, annotations?["cert-manager.io/cluster-issuer"]?.text == issuer
                {
                    annotations = annotations?.removing("cert-manager.io/cluster-issuer")
                }
                node = Self.withoutEmpty(annotations.map { node.setting("annotations", $0) } ?? node, "annotations")
                node = Self.withoutEmpty(node, "labels")
                node = filledHosts(node)
                remaining = AppMapper.replacing(in: remaining, at: ["ingress", ingress.id], with: node)
            }
        case .gateway:
            if let route = reading.route, let gateway = reading.gateway,
                let found = [Exposure.internal, .external].first(where: {
                    stack.exposure.gateways[$0]?.key == gateway.key
                }),
                let label = label(of: reading.host)
            {
                level = found
                hostLabel = label
                var node = route.node
                if !stack.exposure.authLabels.isEmpty {
                    let hasAuth = stack.exposure.authLabels.allSatisfy {
                        node[path: "labels", $0.key]?.text == $0.value
                    }
                    auth = hasAuth
                    if hasAuth {
                        for key in stack.exposure.authLabels.keys {
                            node = AppMapper.replacing(in: node, at: ["labels", key], with: nil)
                        }
                        node = Self.withoutEmpty(node, "labels")
                    }
                }
                // A parent without a namespace is in the route's own: mediactl names it.
                if let parents = node["parentRefs"]?.items {
                    let filled = parents.map { parent in
                        parent["namespace"] == nil
                            ? parent.setting("namespace", .plain(app.namespace, at: parent.position)) : parent
                    }
                    node = node.setting(
                        "parentRefs", YAMLNode(.sequence(filled), at: node["parentRefs"]?.position ?? node.position))
                }
                node = filledHosts(node)
                remaining = AppMapper.replacing(in: remaining, at: ["route", route.id], with: node)
            }
        }
        spec.expose = level
        if level != fallback {
            set("expose", .string(level.rawValue), note: level == .none ? "no Ingress or route → expose: none" : nil)
        }
        if level != .none {
            notes.append(
                stack.exposure.mode == .ingress
                    ? "Ingress class → expose: \(level.rawValue)" : "route parent → expose: \(level.rawValue)")
        }
        if let hostLabel {
            spec.host = hostLabel
            if hostLabel != app.name { set("host", .string(hostLabel), note: "host → host: \(hostLabel)") }
        }
        if let auth {
            spec.auth = auth
            if auth != (reading.spec?.auth ?? true) {
                set("auth", .boolean(auth), note: "forward auth → auth: \(auth)")
            }
        }
    }

    /// The label under the stack's domain of `host` (`sonarr` for `sonarr.${SECRET_DOMAIN}`), when it is one.
    private func label(of host: String?) -> String? {
        let suffix = "." + stack.cluster.domain
        guard let host, host.hasSuffix(suffix) else { return nil }
        let label = String(host.dropLast(suffix.count))
        let parts = label.split(separator: ".", omittingEmptySubsequences: false)
        guard !label.isEmpty, parts.allSatisfy({ DNSLabel.problem(with: String($0)) == nil }) else { return nil }
        return label
    }

    /// An Ingress's or route's hosts with the release's templates filled, as mediactl writes them.
    private func filledHosts(_ node: YAMLNode) -> YAMLNode {
        var node = node
        if let hosts = node["hosts"]?.items {
            let filled = hosts.map { host in
                var host = host
                if let text = host["host"]?.text {
                    host = host.setting("host", .plain(reading.values.filled(text), at: host.position))
                }
                return host
            }
            node = node.setting("hosts", YAMLNode(.sequence(filled), at: node["hosts"]?.position ?? node.position))
        }
        for key in ["hostnames"] {
            if let names = node[key]?.items {
                let filled = names.map { name in
                    name.text.map { YAMLNode.plain(reading.values.filled($0), at: name.position) } ?? name
                }
                node = node.setting(key, YAMLNode(.sequence(filled), at: node[key]?.position ?? node.position))
            }
        }
        if let tls = node["tls"]?.items {
            let filled = tls.map { entry in
                guard let hosts = entry["hosts"]?.items else { return entry }
                let names = hosts.map { host in
                    host.text.map { YAMLNode.plain(reading.values.filled($0), at: host.position) } ?? host
                }
                var entry = entry.setting(
                    "hosts", YAMLNode(.sequence(names), at: entry["hosts"]?.position ?? entry.position))
                if let secret = entry["secretName"], let text = secret.text {
                    entry = entry.setting("secretName", .plain(reading.values.filled(text), at: secret.position))
                }
                return entry
            }
            node = node.setting("tls", YAMLNode(.sequence(filled), at: node["tls"]?.position ?? node.position))
        }
        return node
    }

    /// `node` without `key` when its value is an empty mapping.
    static func withoutEmpty(_ node: YAMLNode, _ key: String) -> YAMLNode {
        if let value = node[key], value.pairs?.isEmpty == true { return node.removing(key) }
        return node
    }
}

/// LoadBalancer Services → `loadBalancer`: the catalog's peer Service (qBittorrent's BitTorrent port), or the main
/// Service of an app without one, when it asks for its address through the stack's load balancer annotation.
extension AppMapper {
    /// Maps the LoadBalancer Service.
    mutating func mapLoadBalancer(_ remaining: inout YAMLNode) {
        guard let main = reading.mainService else { return }
        let annotation = stack.cluster.loadBalancer.addressAnnotation
        var target: (id: String, node: YAMLNode)?
        var renamed: String?
        if let peer = reading.spec?.peerPort {
            let candidates = reading.values.enabled("service").filter {
                $0.id != main.id && $0.node["type"]?.text == "LoadBalancer"
            }
            guard candidates.count == 1 else { return }
            target = candidates[0]
            renamed = peer.name
        } else if main.node["type"]?.text == "LoadBalancer" {
            target = (main.id, main.node)
        }
        guard let target, let service = remaining[path: "service", target.id] else { return }
        let others = (service["annotations"]?.keys ?? []).filter { $0 != annotation }
        guard
            !others.contains(where: { $0.contains("loadbalancer") || $0.contains("lb-ipam") || $0.contains("lbipam") })
        else { return }
        var settings = LoadBalancerSettings()
        var node = service.removing("type")
        if let ip = service[path: "annotations", annotation]?.text {
            settings.ip = ip
            node = AppMapper.replacing(in: node, at: ["annotations", annotation], with: nil)
            node = AppMapper.withoutEmpty(node, "annotations")
            set(
                "loadBalancer", ["ip": .string(ip)],
                note: "LoadBalancer Service '\(target.id)' → loadBalancer: {ip: \(ip)}")
        } else {
            set("loadBalancer", true, note: "LoadBalancer Service '\(target.id)' → loadBalancer: true")
        }
        spec.loadBalancer = settings
        if let renamed, renamed != target.id {
            remaining = AppMapper.replacing(in: remaining, at: ["service", target.id], with: nil)
            remaining = AppMapper.replacing(in: remaining, at: ["service", renamed], with: node)
        } else {
            remaining = AppMapper.replacing(in: remaining, at: ["service", target.id], with: node)
        }
        if let renamed {
            // The peer Service's ports are the original's: mediactl's would be added beside them otherwise.
            exactPaths.append(["service", renamed, "ports"])
        }
    }
}
