import MediaKit
import MediaYAML

/// The parts of a hand-written release that mediactl's keys describe: its one controller, the main container,
/// the Service and port it serves on, the Ingress or route in front of it, its config claim, and the catalog
/// service its image is.
struct AppReading {
    let app: HandWrittenApp
    let values: ReleaseValues
    /// The only enabled controller, nil when there are none or several.
    let controller: (id: String, node: YAMLNode)?
    /// The main container of ``controller``: the one running a catalog image, else `app` or `main`, else the
    /// only one.
    let container: (id: String, node: YAMLNode)?
    /// The catalog service the app runs: the one whose image repository the main container runs, else the one
    /// the app is named after (running another image of it, such as a linuxserver.io build).
    let service: ServiceID?
    /// Whether the main container runs the image repository of ``service`` (false for another image of it, and
    /// for an app outside the catalog): mediactl's security contexts are made for that image only.
    let runsCatalogImage: Bool
    /// The Service of the controller that carries the app's port, and that port.
    let mainService: (id: String, node: YAMLNode, port: (name: String, node: YAMLNode))?
    /// The Ingress that routes to ``mainService``.
    let ingress: (id: String, node: YAMLNode)?
    /// The route that routes to ``mainService``.
    let route: (id: String, node: YAMLNode)?

    /// Catalog services by image repository.
    static let servicesByRepository: [String: [ServiceID]] = {
        var result: [String: [ServiceID]] = [:]
        for entry in Catalog.entries {
            if let repository = entry.spec?.image.repository { result[repository, default: []].append(entry.id) }
        }
        return result
    }()

    init(app: HandWrittenApp) {
        self.app = app
        let values = ReleaseValues(
            values: app.values, releaseName: app.name, namespace: app.namespace, major: AppFacts.major(app.chartVersion)
        )
        self.values = values
        let controllers = values.enabled("controllers")
        let controller = controllers.count == 1 ? controllers[0] : nil
        self.controller = controller
        let containers = ReleaseValues.enabled(in: controller?.node["containers"])
        func repository(_ container: YAMLNode) -> String? { container[path: "image", "repository"]?.text }
        let catalogued = containers.filter { Self.servicesByRepository[repository($0.node) ?? ""] != nil }
        let container =
            catalogued.first {
                Self.servicesByRepository[repository($0.node) ?? ""]?.contains(ServiceID(rawValue: app.name)) ?? false
            }
            ?? catalogued.first ?? containers.first { ["app", "main", app.name].contains($0.id) }
            ?? (containers.count == 1 ? containers[0] : nil)
        self.container = container
        let ids = container.flatMap { Self.servicesByRepository[repository($0.node) ?? ""] } ?? []
        let recognised = ids.first { $0.rawValue == app.name } ?? ids.first
        let named = ServiceID(rawValue: app.name)
        service = recognised ?? (Catalog.entry(for: named)?.spec != nil ? named : nil)
        runsCatalogImage = recognised != nil

        let services = values.enabled("service").filter {
            controller != nil && values.controller(of: $0.node) == controller?.id
        }
        let main =
            services.first { ["app", "main", app.name].contains($0.id) }
            ?? services.first { $0.node["primary"]?.isBoolean(true) ?? false } ?? services.first
        let mainService: (id: String, node: YAMLNode, port: (name: String, node: YAMLNode))? = main.flatMap { main in
            ReleaseValues.primaryPort(of: main.node).map { (main.id, main.node, $0) }
        }
        self.mainService = mainService
        let allServices = values.enabled("service")
        func pointsAtMain(_ identifier: String?, _ name: String?) -> Bool {
            guard let main = mainService else { return false }
            if let identifier { return identifier == main.id }
            if let name {
                let filled = values.filled(name)
                return filled == main.id || filled == values.serviceName(main.id, main.node, count: allServices.count)
            }
            return true
        }
        ingress = values.enabled("ingress").first { _, node in
            (node["hosts"]?.items ?? []).contains { host in
                (host["paths"]?.items ?? []).contains {
                    pointsAtMain($0[path: "service", "identifier"]?.text, $0[path: "service", "name"]?.text)
                }
            }
        }
        route = values.enabled("route").first { _, node in
            let rules = node["rules"]?.items ?? []
            if rules.isEmpty { return allServices.count == 1 || mainService?.node["primary"]?.isBoolean(true) == true }
            return rules.contains { rule in
                (rule["backendRefs"]?.items ?? []).contains {
                    pointsAtMain($0["identifier"]?.text, $0["name"]?.text)
                }
            }
        }
    }

    /// The catalog's spec of ``service``.
    var spec: ServiceSpec? { service.flatMap { Catalog.entry(for: $0)?.spec } }

    /// Where the app keeps its config: the catalog's path, `/config` for an image the catalog does not know.
    var configPath: String? { service == nil ? "/config" : spec?.configPath }

    /// The main container's image.
    var image: ImageReference? {
        guard let image = container?.node["image"], let repository = image["repository"]?.text,
            let tag = image["tag"]?.text
        else { return nil }
        return ImageReference(parsing: repository + ":" + tag + (image["digest"]?.text.map { "@" + $0 } ?? ""))
    }

    /// The main container's environment, each variable with its node.
    var environment: [(name: String, node: YAMLNode)] {
        let env = container?.node["env"]
        if let pairs = env?.pairs { return pairs.map { ($0.keyText, $0.value) } }
        return (env?.items ?? []).compactMap { item in item["name"]?.text.map { ($0, item.removing("name")) } }
    }

    /// The host of the Ingress or route in front of the app, templates filled.
    var host: String? {
        if let ingress { return ingress.node["hosts"]?.items?.first?["host"]?.text.map(values.filled) }
        if let route { return route.node["hostnames"]?.items?.first?.text.map(values.filled) }
        return nil
    }

    /// `TZ` of the main container.
    var timezone: String? { environment.first { $0.name == "TZ" }?.node.text }

    /// The pod's security context as the chart applies it: the controller's replaces the default one.
    var podSecurityContext: YAMLNode? {
        controller?.node[path: "pod", "securityContext"] ?? values.values[path: "defaultPodOptions", "securityContext"]
    }

    /// The user the app runs as: the pod's `runAsUser`, else `PUID`.
    var user: Int? {
        podSecurityContext?["runAsUser"]?.integer
            ?? environment.first { $0.name == "PUID" }?.node.text.flatMap { Int($0) }
    }

    /// The group the app runs as: the pod's `runAsGroup`, else `PGID`.
    var group: Int? {
        podSecurityContext?["runAsGroup"]?.integer
            ?? environment.first { $0.name == "PGID" }?.node.text.flatMap { Int($0) }
    }

    /// The annotation keys of every Service.
    var serviceAnnotations: Set<String> {
        Set(values.enabled("service").flatMap { $0.node["annotations"]?.keys ?? [] })
    }

    /// The Ingress's class.
    var ingressClass: String? { ingress?.node["className"]?.text }

    /// The gateway of the route: its first parent.
    var gateway: ExposureSettings.GatewayReference? {
        guard let parent = route?.node["parentRefs"]?.items?.first, let name = parent["name"]?.text else { return nil }
        return ExposureSettings.GatewayReference(
            name: name, namespace: parent["namespace"]?.text ?? app.namespace, sectionName: parent["sectionName"]?.text)
    }

    /// The forward-auth annotations of the Ingress.
    var authAnnotations: [String: String] {
        var result: [String: String] = [:]
        for pair in ingress?.node["annotations"]?.pairs ?? [] where StackPlanner.isAuthAnnotation(pair.keyText) {
            result[pair.keyText] = pair.value.text ?? ""
        }
        return result
    }

    /// The cert-manager ClusterIssuer the Ingress names.
    var issuer: String? { ingress?.node[path: "annotations", "cert-manager.io/cluster-issuer"]?.text }

    /// The claim mounted at the config path of the main container, when the app folder holds it as a claim
    /// mediactl can write (one ReadWriteOnce claim with a size and nothing else).
    var configClaim: (app: String, name: String, size: String?, storageClass: String?)? {
        guard let claim = configClaimName, let found = app.claims[claim], found.otherFields.isEmpty,
            found.accessModes == ["ReadWriteOnce"], found.size != nil, DNSLabel.problem(with: claim) == nil,
            found.storageClass.map({ DNSLabel.problem(with: $0) == nil }) ?? true
        else { return nil }
        return (app.name, claim, found.size, found.storageClass)
    }

    /// The name of the existing claim mounted whole, read-write, at the config path of the main container.
    var configClaimName: String? {
        guard let controller, let container, let path = configPath else { return nil }
        for (id, item) in values.enabled("persistence") {
            guard let claim = item["existingClaim"]?.text,
                (item["type"]?.text ?? "persistentVolumeClaim") == "persistentVolumeClaim"
            else { continue }
            let mounts = values.mounts(of: id, item, controller: controller.id, container: container.id)
            if mounts.contains(where: { $0.path == path && $0.subPath == nil && !$0.readOnly }) {
                return values.filled(claim)
            }
        }
        return nil
    }
}

extension ExposureSettings.GatewayReference {
    /// `namespace/name#section`, to compare references.
    var key: String { "\(namespace)/\(name)" + (sectionName.map { "#" + $0 } ?? "") }
}
