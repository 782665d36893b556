import MediaKit
import MediaYAML

/// Maps one ``HandWrittenApp`` onto `mediactl.yaml` keys against the planned stack settings: the catalog service
/// its image is, the image pin, the port, exposure, host and auth, resources, environment and secret references,
/// the config claim and the shared volumes, dependencies, and the files it keeps. What no key says stays in
/// ``MappedApp/remaining`` for the `values:` escape hatch; what mediactl cannot reproduce is a refusal.
///
/// A key is written only when it differs from what mediactl would render without it (the catalog's or the stack's
/// default), so the entry is minimal.
struct AppMapper {
    /// The order `Docs/Config.md` lists the per-app keys in (`ConfigDecoder.appKeys`).
    static let keyOrder = [
        "service", "enabled", "namespace", "image", "port", "expose", "host", "auth", "resources", "env", "secrets",
        "storage", "mounts", "dependsOn", "components", "substitute", "nodeSelector", "gpu", "replicas", "exportarr",
        "vpn", "loadBalancer",
        "proxy", "dashboard", "discovery", "values", "extraResources",
    ]
    /// The identifier mediactl gives the main container, the Service and the route (`AppTemplateValues`).
    static let mainIdentifier = "app"
    /// The key of a controller's containers.
    static let containersKey = "containers"

    let app: HandWrittenApp
    let reading: AppReading
    /// The planned stack settings (shared volumes included).
    let stack: Stack
    /// The names of the apps the config will hold, with their namespaces.
    let namespaces: [String: String]

    var keys: [String: YAMLValue] = [:]
    var notes: [String] = []
    var warnings: [ImportDiagnostic] = []
    var spec: AppSpec
    /// Shared volumes the app needs that the stack does not have yet.
    var volumes: [String: SharedVolume]
    var exactPaths: [[String]] = []
    /// The claim that became the app's config claim (mediactl renders it as `pvc.yaml`).
    var configClaim: String?

    init(app: HandWrittenApp, stack: Stack, namespaces: [String: String]) {
        self.app = app
        reading = AppReading(app: app)
        self.stack = stack
        self.namespaces = namespaces
        spec = AppSpec(name: AppName(rawValue: app.name))
        volumes = stack.storage.volumes
    }

    var releasePath: String { app.release.path }

    func refusal(_ message: String, at node: YAMLNode? = nil) -> AppRefusal {
        AppRefusal(path: releasePath, at: (node ?? app.release.node).position, message)
    }

    /// The app's mapping, or why it stays hand-written.
    mutating func map() throws(AppRefusal) -> MappedApp {
        guard let controller = reading.controller else {
            let count = reading.values.enabled("controllers").count
            throw refusal(
                count == 0
                    ? "the release runs no controller"
                    : "the release runs \(count) controllers; mediactl renders one per app",
                at: app.values["controllers"])
        }
        let type = controller.node["type"]?.text ?? "deployment"
        guard type == "deployment" || (type == "cronjob" && reading.spec?.schedule != nil) else {
            throw refusal(
                "controller '\(controller.id)' is a \(type); mediactl renders Deployments", at: controller.node)
        }
        guard let container = reading.container else {
            throw refusal(
                "cannot tell the main container of controller '\(controller.id)': name it 'app'",
                at: controller.node["containers"] ?? controller.node)
        }
        for (id, item) in reading.values.enabled("persistence")
        where (item["type"]?.text ?? "persistentVolumeClaim") == "persistentVolumeClaim" && item["existingClaim"] == nil
        {
            throw refusal(
                "persistence '\(id)' is a claim the chart creates; mediactl keeps claims outside the release, and "
                    + "moving it out would let Helm delete it (give it 'existingClaim' and a claim of its own first)",
                at: item)
        }
        var remaining = app.values
        try mapService(container: container)
        try mapImage(container: container)
        try mapPort()
        if !app.enabled { set("enabled", false, note: "ks.dis → enabled: false") }
        if reading.spec?.discovery != nil {
            // What ran had none of mediactl's cluster-wide access; granting it is the user's decision.
            spec.discovery = false
            set(
                "discovery", false,
                note: "discovery: false (no ServiceAccount with cluster-wide read; 'true' lets it find the apps)")
        }
        if app.namespace != stack.namespace { set("namespace", .string(app.namespace), note: nil) }
        try mapExposure(&remaining)
        mapLoadBalancer(&remaining)
        try mapStorage(&remaining, controller: controller, container: container)
        try mapEnvironment(&remaining, controller: controller, container: container)
        mapResources(&remaining, controller: controller, container: container)
        mapController(&remaining, controller: controller)
        mapDependencies()
        if controller.id != app.name {
            warnings.append(
                ImportDiagnostic(
                    path: releasePath,
                    .warning(
                        at: controller.node.position,
                        "controller '\(controller.id)' becomes '\(app.name)': its Deployment's selector changes, "
                            + "which Kubernetes refuses; delete the Deployment (not its claims) once when Flux reports "
                            + "'field is immutable'")))
        }
        if !reading.runsCatalogImage {
            // mediactl's security contexts are made for the catalog's image; for another image the ones that ran
            // (none, when none was set) replace them whole.
            let containerPath = ["controllers", controller.id, Self.containersKey, container.id, "securityContext"]
            if remaining[path: containerPath[0], containerPath[1], containerPath[2], containerPath[3], containerPath[4]]
                == nil
            {
                remaining = Self.replacing(
                    in: remaining, at: containerPath, with: .mapping([], at: container.node.position))
            }
            exactPaths.append(["controllers", app.name, Self.containersKey, Self.mainIdentifier, "securityContext"])
            if controller.node[path: "pod", "securityContext"] == nil {
                if remaining[path: "defaultPodOptions", "securityContext"] == nil {
                    remaining = Self.replacing(
                        in: remaining, at: ["defaultPodOptions", "securityContext"],
                        with: .mapping([], at: app.values.position))
                }
                exactPaths.append(["defaultPodOptions", "securityContext"])
            }
        }
        var renaming = Renaming(reading: reading, appName: app.name, portName: portName)
        renaming.exposed = spec.expose != Exposure.none
        remaining = renaming.apply(to: remaining)
        remaining = normalized(remaining)
        let files = try fileFates()
        mapComponents(kept: files.kept)
        if !files.kept.isEmpty { set("extraResources", .sequence(files.kept.map { YAMLValue.string($0) }), note: nil) }
        var entry = YAMLMapping()
        for key in Self.keyOrder { if let value = keys[key] { entry.set(key, value) } }
        return MappedApp(
            name: app.name, app: app, entry: entry, remaining: remaining, exactPaths: exactPaths,
            adopted: files.adopted,
            kept: files.kept, unlisted: files.unlisted, notes: notes, warnings: warnings)
    }

    // MARK: keys

    /// `root` with `node` at the path of keys `keys` (mappings on the way are created), or without it when `node`
    /// is nil.
    static func replacing(in root: YAMLNode, at keys: [String], with node: YAMLNode?) -> YAMLNode {
        guard let key = keys.first else { return node ?? root }
        let child = root[key] ?? YAMLNode.mapping([], at: root.position)
        if keys.count == 1 {
            return node.map { root.setting(key, $0) } ?? root.removing(key)
        }
        return root.setting(key, replacing(in: child, at: Array(keys.dropFirst()), with: node))
    }

    mutating func set(_ key: String, _ value: YAMLValue, note: String?) {
        keys[key] = value
        if let note { notes.append(note) }
    }

    /// What mediactl makes of the keys set so far.
    var resolved: ResolvedApp { AppResolver(stack: stack).resolve(spec) }

    /// The port's name in mediactl's values: the catalog's, else `http`.
    var portName: String { reading.spec?.port?.name ?? "http" }

    private mutating func mapService(container: (id: String, node: YAMLNode)) throws(AppRefusal) {
        let repository = container.node[path: "image", "repository"]?.text ?? ""
        guard let service = reading.service else {
            notes.append("image '\(repository)' is not in the catalog → generic app (image and port)")
            return
        }
        spec.service = service
        if service.rawValue != app.name {
            set("service", .string(service.rawValue), note: "image → service: \(service)")
        } else if reading.runsCatalogImage {
            notes.append("image → catalog service '\(service)'")
        } else {
            notes.append(
                "catalog service '\(service)' on another image ('\(repository)'): the security contexts that ran are kept"
            )
        }
    }

    private mutating func mapImage(container: (id: String, node: YAMLNode)) throws(AppRefusal) {
        let node = container.node["image"]
        guard let image = reading.image, !(image.tag ?? "").isEmpty, !image.description.contains("{{") else {
            throw refusal(
                "the main container's image has no 'repository' and 'tag' mediactl can pin", at: node ?? container.node)
        }
        if image != reading.spec?.image || reading.spec == nil {
            spec.image = image
            set("image", .string(image.description), note: "image → image: \(image)")
        }
    }

    private mutating func mapPort() throws(AppRefusal) {
        guard let service = reading.mainService else {
            if reading.spec == nil || reading.spec?.port != nil {
                throw refusal(
                    "no Service of the controller carries the app's port", at: app.values["service"])
            }
            return
        }
        guard let number = service.port.node["port"]?.integer, (1...65535).contains(number) else {
            throw refusal(
                "the port of Service '\(service.id)' is not a number",
                at: service.port.node["port"] ?? service.port.node)
        }
        if number != reading.spec?.port?.number || reading.spec == nil {
            spec.port = number
            set("port", .integer(number), note: "service port → port: \(number)")
        }
    }

    private mutating func mapDependencies() {
        guard !app.dependsOn.isEmpty else { return }
        var names: [String] = []
        for dependency in app.dependsOn {
            let namespace = dependency.namespace ?? app.namespace
            if namespaces[dependency.name] == namespace {
                names.append(dependency.name)
            } else if let explicit = dependency.namespace {
                names.append("\(explicit)/\(dependency.name)")
            } else {
                names.append(dependency.name)
            }
        }
        spec.dependsOn = names
        set("dependsOn", .sequence(names.map { YAMLValue.string($0) }), note: "ks.yaml dependsOn → dependsOn")
    }

    /// The Kustomization's components, and its `postBuild.substitute` where something mediactl does not render
    /// reads it: a component, or a file that stays hand-written (`kept`, relative to the app folder). Import has
    /// applied the variables to what it read, so values and adopted files already hold their values.
    private mutating func mapComponents(kept: [String]) {
        if !app.components.isEmpty {
            spec.components = app.components
            set(
                "components", .sequence(app.components.map { YAMLValue.string($0) }),
                note: "ks.yaml components → components (paths from the repository root)")
        }
        let keptReadsVariables = kept.contains { app.substitutedFiles.contains(app.folder + "/app/" + $0) }
        if !app.substitute.isEmpty, !app.components.isEmpty || keptReadsVariables {
            spec.substitute = app.substitute
            set(
                "substitute", .mapping(YAMLMapping.sortedByKey(app.substitute.mapValues { .string($0) })),
                note: "ks.yaml postBuild.substitute → substitute")
        }
    }

    private mutating func mapController(_ remaining: inout YAMLNode, controller: (id: String, node: YAMLNode)) {
        guard var node = remaining[path: "controllers", controller.id] else { return }
        if node["type"]?.text == "deployment" { node = node.removing("type") }
        if let replicas = node["replicas"]?.integer, (0...100).contains(replicas) {
            if replicas != 1 {
                spec.replicas = replicas
                set("replicas", .integer(replicas), note: "replicas → replicas: \(replicas)")
            }
            node = node.removing("replicas")
        }
        remaining = Self.replacing(in: remaining, at: ["controllers", controller.id], with: node)
        if let selector = remaining[path: "defaultPodOptions", "nodeSelector"], let pairs = selector.pairs,
            pairs.allSatisfy({ $0.value.scalar != nil })
        {
            var map: [String: YAMLValue] = [:]
            for pair in pairs { map[pair.keyText] = .string(pair.value.scalar?.text ?? "") }
            spec.nodeSelector = map.compactMapValues { if case .string(let text) = $0 { text } else { nil } }
            set("nodeSelector", .mapping(.sortedByKey(map)), note: "defaultPodOptions.nodeSelector → nodeSelector")
            let options = remaining["defaultPodOptions"]?.removing("nodeSelector")
            remaining = options.map { remaining.setting("defaultPodOptions", $0) } ?? remaining
        }
    }
}
