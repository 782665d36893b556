import MediaKit
import MediaYAML

/// Gives the parts of a release mediactl's identifiers: the controller becomes the app's name, the main container,
/// Service, Ingress and route `app`, the main port mediactl's port name, a sidecar running a catalog sidecar's
/// image that sidecar's name; every reference to them (a Service's controller, an Ingress path's Service, a
/// route's backend, a persistence item's `advancedMounts`, a ServiceMonitor's Service) follows.
struct Renaming {
    /// The app's parts, with their original identifiers.
    let reading: AppReading
    /// The app's name, which names its controller.
    let appName: String
    /// mediactl's name of the main port.
    let portName: String
    /// Whether the Ingress or route in front of the app became `expose`/`host` (it is renamed only then).
    var exposed = true

    private var controller: String? { reading.controller?.id }
    private var container: String? { reading.container?.id }
    private var service: String? { reading.mainService?.id }
    private var port: String? { reading.mainService?.port.name }

    /// `values` with mediactl's identifiers.
    func apply(to values: YAMLNode) -> YAMLNode {
        var values = values
        if let controllers = values["controllers"] {
            values = values.setting("controllers", renamingControllers(controllers))
        }
        if let services = values["service"] {
            values = values.setting("service", renamingServices(services))
        }
        for section in ["ingress", "route"] {
            guard let items = values[section] else { continue }
            let main = section == "ingress" ? reading.ingress?.id : reading.route?.id
            var pairs: [YAMLPair] = []
            for pair in items.pairs ?? [] {
                let key =
                    pair.keyText == main && exposed ? Self.key(AppMapper.mainIdentifier, like: pair.key) : pair.key
                pairs.append(YAMLPair(key: key, value: renamingReferences(pair.value)))
            }
            values = values.setting(section, YAMLNode(.mapping(pairs), at: items.position))
        }
        if let persistence = values["persistence"] {
            let pairs = (persistence.pairs ?? []).map { pair in
                YAMLPair(key: pair.key, value: renamingAdvancedMounts(pair.value))
            }
            values = values.setting("persistence", YAMLNode(.mapping(pairs), at: persistence.position))
        }
        if let monitors = values["serviceMonitor"] {
            let pairs = (monitors.pairs ?? []).map { pair in
                var monitor = pair.value
                if let id = monitor[path: "service", "identifier"]?.text, id == service {
                    monitor = AppMapper.replacing(
                        in: monitor, at: ["service", "identifier"],
                        with: .plain(AppMapper.mainIdentifier, at: monitor.position))
                }
                return YAMLPair(key: pair.key, value: monitor)
            }
            values = values.setting("serviceMonitor", YAMLNode(.mapping(pairs), at: monitors.position))
        }
        return values
    }

    private static func key(_ text: String, like key: YAMLNode) -> YAMLNode { .plain(text, at: key.position) }

    private func renamingControllers(_ controllers: YAMLNode) -> YAMLNode {
        let pairs = (controllers.pairs ?? []).map { pair -> YAMLPair in
            guard pair.keyText == controller else { return pair }
            var node = pair.value
            if let containers = node["containers"] {
                let renamed = (containers.pairs ?? []).map { entry -> YAMLPair in
                    YAMLPair(
                        key: Self.key(containerName(entry.keyText, entry.value), like: entry.key), value: entry.value)
                }
                node = node.setting("containers", YAMLNode(.mapping(renamed), at: containers.position))
            }
            return YAMLPair(key: Self.key(appName, like: pair.key), value: node)
        }
        return YAMLNode(.mapping(pairs), at: controllers.position)
    }

    /// The name mediactl gives container `id` of the main controller.
    func containerName(_ id: String, _ node: YAMLNode) -> String {
        if id == container { return AppMapper.mainIdentifier }
        let repository = node[path: "image", "repository"]?.text
        if let sidecar = reading.spec?.sidecars.first(where: { $0.image.repository == repository }) {
            return sidecar.name
        }
        return id
    }

    private func renamingServices(_ services: YAMLNode) -> YAMLNode {
        let pairs = (services.pairs ?? []).map { pair -> YAMLPair in
            var node = pair.value
            if node["controller"]?.text == controller, controller != nil {
                node = node.setting("controller", .plain(appName, at: node["controller"]?.position ?? node.position))
            }
            guard pair.keyText == service else { return YAMLPair(key: pair.key, value: node) }
            if let ports = node["ports"], let port, port != portName {
                let renamed = (ports.pairs ?? []).map { entry in
                    entry.keyText == port
                        ? YAMLPair(key: Self.key(portName, like: entry.key), value: entry.value) : entry
                }
                node = node.setting("ports", YAMLNode(.mapping(renamed), at: ports.position))
            }
            return YAMLPair(key: Self.key(AppMapper.mainIdentifier, like: pair.key), value: node)
        }
        return YAMLNode(.mapping(pairs), at: services.position)
    }

    /// An Ingress or route with its references to the main Service and port renamed.
    private func renamingReferences(_ node: YAMLNode) -> YAMLNode {
        switch node.content {
        case .scalar: return node
        case .sequence(let items): return YAMLNode(.sequence(items.map(renamingReferences)), at: node.position)
        case .mapping(let pairs):
            var renamed: [YAMLPair] = []
            let isReference = node["identifier"] != nil || node["name"] != nil
            for pair in pairs {
                var value = renamingReferences(pair.value)
                if isReference, pair.keyText == "identifier" || pair.keyText == "name", pair.value.text == service,
                    service != nil
                {
                    value = .plain(AppMapper.mainIdentifier, at: pair.value.position)
                }
                if isReference, pair.keyText == "port", let port, pair.value.text == port, port != portName {
                    value = .plain(portName, at: pair.value.position)
                }
                renamed.append(YAMLPair(key: pair.key, value: value))
            }
            return YAMLNode(.mapping(renamed), at: node.position)
        }
    }

    private func renamingAdvancedMounts(_ item: YAMLNode) -> YAMLNode {
        guard let mounts = item["advancedMounts"] else { return item }
        let pairs = (mounts.pairs ?? []).map { pair -> YAMLPair in
            guard pair.keyText == controller else { return pair }
            let containers = (pair.value.pairs ?? []).map { entry in
                YAMLPair(
                    key: Self.key(
                        entry.keyText == container ? AppMapper.mainIdentifier : entry.keyText, like: entry.key),
                    value: entry.value)
            }
            return YAMLPair(
                key: Self.key(appName, like: pair.key), value: YAMLNode(.mapping(containers), at: pair.value.position))
        }
        return item.setting("advancedMounts", YAMLNode(.mapping(pairs), at: mounts.position))
    }
}
