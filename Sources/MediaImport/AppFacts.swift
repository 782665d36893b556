import MediaYAML

/// The facts of an app that decide whether its data, address and credentials survive a change: claim names
/// and sizes, images with tag and digest, host names and what they route to, Service names and ports, mounts,
/// environment, secret references, dependencies, and the objects kept beside the release. Each fact is one line
/// (`claim sonarr: size=10Gi …`), so two apps compare as two sets of lines.
///
/// Import reads the facts of each app as it was and as mediactl renders it, and adopts the app only when
/// every fact it had is still there. mediactl's defaults may add environment variables, emptyDir mounts,
/// resources and catalog sidecars (``Fact/Kind/mayBeAdded``); nothing else may appear or go.
struct AppFacts: Sendable {
    /// One fact.
    struct Fact: Hashable, Comparable, Sendable {
        /// What a fact is about, which decides whether a render may add it.
        enum Kind: Int, Hashable, Sendable {
            case flux, release, claim, object, service, host, image, secret, mount, environment, resources, metadata

            /// Whether a fact of this kind may appear in the render without being in the original: mediactl's
            /// defaults (catalog variables, `/tmp` and log emptyDirs, resources, sidecars of the catalog, annotations
            /// such as the TLS issuer's).
            var mayBeAdded: Bool { self == .environment || self == .resources || self == .metadata }
        }

        /// What the fact is about.
        var kind: Kind
        /// The fact, one line.
        var text: String

        static func < (lhs: Fact, rhs: Fact) -> Bool {
            lhs.kind.rawValue != rhs.kind.rawValue
                ? lhs.kind.rawValue < rhs.kind.rawValue : lhs.text.utf8.lexicographicallyPrecedes(rhs.text.utf8)
        }
    }

    /// The facts, sorted.
    private(set) var facts: [Fact] = []

    /// The facts as text, one per line.
    var lines: [String] { facts.map(\.text) }

    /// The facts of `app`, whose objects in ConfigMaps read for values are not counted (they hold values, which
    /// the other facts cover).
    init(_ app: HandWrittenApp, kustomizationNamespace: String?) {
        var facts: Set<Fact> = []
        func add(_ kind: Fact.Kind, _ text: String) { facts.insert(Fact(kind: kind, text: text)) }

        let flux = app.substituteFrom.map { $0.isEmpty ? "none" : $0.joined(separator: ",") } ?? "none"
        add(
            .flux,
            "flux \(kustomizationNamespace ?? app.namespace)/\(app.name): \(app.enabled ? "enabled" : "disabled") "
                + "target=\(app.namespace) source=\(app.source.kind.rawValue)/\(app.source.namespace)/"
                + "\(app.source.name) substituteFrom=\(flux)")
        for dependency in app.dependsOn {
            add(.flux, "flux \(app.name) dependsOn \(dependency.namespace ?? app.namespace)/\(dependency.name)")
        }
        for component in app.components { add(.flux, "flux \(app.name) component \(component)") }
        add(.release, "release \(app.namespace)/\(app.name)")
        for claim in app.claims.values {
            add(
                .claim,
                "claim \(claim.name): size=\(claim.size ?? "-") access=\(claim.accessModes.joined(separator: ","))"
                    + " class=\(claim.storageClass ?? "-")")
        }
        let valuesMaps = Set(
            app.release.node[path: "spec", "valuesFrom"]?.items?.compactMap { $0["name"]?.text } ?? [])
        for documents in app.documents.values {
            for document in documents {
                if document.isKind("HelmRelease", of: "helm.toolkit.fluxcd.io")
                    || document.isKind("OCIRepository", of: "source.toolkit.fluxcd.io")
                    || document.isKind("HelmRepository", of: "source.toolkit.fluxcd.io")
                    || document.isKind("PersistentVolumeClaim", of: "")
                    || (document.isKind("ConfigMap", of: "") && valuesMaps.contains(document.name ?? ""))
                {
                    continue
                }
                add(.object, "object \(document.kind) \(document.name ?? "?") in \(Self.file(document.path, of: app))")
            }
        }

        let values = ReleaseValues(
            values: app.values, releaseName: app.name, namespace: app.namespace, major: Self.major(app.chartVersion))
        let services = values.enabled("service")
        var serviceNames: [String: String] = [:]
        for (id, service) in services {
            let name = values.serviceName(id, service, count: services.count)
            serviceNames[id] = name
            let type = service["type"]?.text ?? "ClusterIP"
            for (portName, port) in ReleaseValues.ports(of: service) {
                add(
                    .service,
                    "service \(name): \(type) \(port["port"]?.text ?? "?")/\(port["protocol"]?.text ?? "TCP")"
                        + (port["targetPort"]?.text.map { " target=\($0)" } ?? "") + " (port '\(portName)')")
            }
            for (key, value) in (service["annotations"]?.pairs ?? []).map({ ($0.keyText, $0.value.text ?? "") })
            where key.hasSuffix("loadBalancerIPs") || key.hasSuffix("lb-ipam-ips") || key == "lbipam.cilium.io/ips" {
                add(.service, "service \(name): address \(values.filled(value))")
            }
        }

        func port(_ node: YAMLNode?, of serviceID: String?) -> String {
            guard let node else {
                let service = serviceID.flatMap { id in services.first { $0.id == id }?.node }
                return service.flatMap { ReleaseValues.primaryPort(of: $0)?.node["port"]?.text } ?? "?"
            }
            if node.integer != nil { return node.text ?? "?" }
            let service = serviceID.flatMap { id in services.first { $0.id == id }?.node }
            let name = node.text ?? ""
            return service?["ports"]?[name]?["port"]?.text ?? name
        }
        func backend(identifier: String?, name: String?, port portNode: YAMLNode?) -> String {
            if let identifier {
                return "\(serviceNames[identifier] ?? "?\(identifier)"):\(port(portNode, of: identifier))"
            }
            if let name {
                let filled = values.filled(name)
                // A 3.x route names its Service by identifier (`classes/_route.tpl` looks it up); an ingress by name.
                let id = services.first { $0.id == filled }?.id ?? serviceNames.first { $0.value == filled }?.key
                return "\(id.flatMap { serviceNames[$0] } ?? filled):\(port(portNode, of: id))"
            }
            let primary = services.first { $0.node["primary"]?.isBoolean(true) ?? false }?.id ?? services.first?.id
            return "\(primary.flatMap { serviceNames[$0] } ?? "?"):\(port(portNode, of: primary))"
        }
        // What an Ingress or route carries decides who may pass (forward-auth annotations, a SecurityPolicy's labels).
        for section in ["ingress", "route"] {
            for (_, item) in values.enabled(section) {
                let hosts =
                    (item["hosts"]?.items?.compactMap { $0["host"]?.text } ?? [])
                    + (item["hostnames"]?.items?.compactMap(\.text) ?? [])
                for host in hosts.map(values.filled) {
                    for (kind, node) in [("annotation", item["annotations"]), ("label", item["labels"])] {
                        for pair in node?.pairs ?? [] {
                            add(
                                .metadata,
                                "host \(host): \(kind) \(pair.keyText)=\(values.filled(pair.value.text ?? ""))")
                        }
                    }
                }
            }
        }
        for (_, ingress) in values.enabled("ingress") {
            let className = ingress["className"]?.text ?? "-"
            for host in ingress["hosts"]?.items ?? [] {
                let name = values.filled(host["host"]?.text ?? "?")
                for path in host["paths"]?.items ?? [] {
                    let service = path["service"]
                    add(
                        .host,
                        "host \(name)\(path["path"]?.text ?? "/"): ingress class=\(className) → "
                            + backend(
                                identifier: service?["identifier"]?.text, name: service?["name"]?.text,
                                port: service?["port"]))
                }
            }
        }
        for (_, route) in values.enabled("route") {
            let parents = (route["parentRefs"]?.items ?? []).map { parent in
                "\(parent["namespace"]?.text ?? app.namespace)/\(parent["name"]?.text ?? "?")"
                    + (parent["sectionName"]?.text.map { "#" + $0 } ?? "")
            }.sorted().joined(separator: ",")
            let rules = route["rules"]?.items ?? []
            let backends: [String] =
                rules.isEmpty
                ? [backend(identifier: nil, name: nil, port: nil)]
                : rules.flatMap { rule in
                    (rule["backendRefs"]?.items ?? []).map { reference in
                        backend(
                            identifier: reference["identifier"]?.text, name: reference["name"]?.text,
                            port: reference["port"])
                    }
                }
            for hostname in route["hostnames"]?.items ?? [] {
                for target in Set(backends) {
                    add(.host, "host \(values.filled(hostname.text ?? "?")): route \(parents) → \(target)")
                }
            }
        }

        let persistence = values.enabled("persistence")
        for (controllerID, controller) in values.enabled("controllers") {
            if let replicas = controller["replicas"]?.text { add(.release, "controller replicas=\(replicas)") }
            let containers =
                ReleaseValues.enabled(in: controller["containers"])
                + ReleaseValues.enabled(in: controller["initContainers"])
            for (containerID, container) in containers {
                let image = container["image"]
                let repository = image?["repository"]?.text ?? "?"
                var tag = image?["tag"]?.text ?? "-"
                if let digest = image?["digest"]?.text { tag += "@" + digest }
                let key = "container \(repository)"
                add(.image, "\(key): image \(repository):\(values.filled(tag))")
                let environment = Self.environment(container["env"], values)
                for (variable, setting) in environment {
                    add(setting.hasPrefix("secret:") ? .secret : .environment, "\(key): env \(variable)=\(setting)")
                }
                // A Secret whose keys the app folder lists gives those variables, as `secrets:` entries would.
                let set = Set(environment.map(\.0))
                for source in container["envFrom"]?.items ?? [] {
                    let secret = (source["secret"]?.text ?? source[path: "secretRef", "name"]?.text).map(values.filled)
                    let map = source["configMap"]?.text ?? source[path: "configMapRef", "name"]?.text
                    if let secret, let known = app.secrets[secret], known.complete, source["prefix"] == nil {
                        for variable in known.keys where !set.contains(variable) {
                            add(.secret, "\(key): env \(variable)=secret:\(secret)/\(variable)")
                        }
                    } else if let secret {
                        add(.secret, "\(key): envFrom secret \(secret)")
                    }
                    if let map { add(.secret, "\(key): envFrom configMap \(values.filled(map))") }
                }
                for (id, item) in persistence {
                    for mount in values.mounts(of: id, item, controller: controllerID, container: containerID) {
                        let source = Self.mountSource(id, item, values)
                        var text = "\(key): mount \(mount.path) \(source)"
                        if let subPath = mount.subPath { text += " subPath=\(subPath)" }
                        if mount.readOnly { text += " readOnly" }
                        add(source == "emptyDir" ? .resources : .mount, text)
                    }
                }
                for (section, amounts) in (container["resources"]?.pairs ?? []).map({ ($0.keyText, $0.value) }) {
                    for amount in amounts.pairs ?? [] {
                        add(.resources, "\(key): \(section).\(amount.keyText)=\(amount.value.text ?? "?")")
                    }
                }
            }
        }
        self.facts = facts.sorted()
    }

    /// The major version of a chart version (`4.4.0` → 4).
    static func major(_ version: String) -> Int {
        Int(version.split(separator: ".").first?.trimmingPrefix("v") ?? "") ?? 0
    }

    private static func file(_ path: String, of app: HandWrittenApp) -> String {
        path.hasPrefix(app.appFolder) ? String(path.dropFirst(app.appFolder.count)) : path
    }

    /// What a persistence item mounts, in words that do not depend on its identifier.
    private static func mountSource(_ id: String, _ item: YAMLNode, _ values: ReleaseValues) -> String {
        let type = item["type"]?.text ?? "persistentVolumeClaim"
        switch type {
        case "persistentVolumeClaim", "pvc":
            if let claim = item["existingClaim"]?.text { return "claim:" + values.filled(claim) }
            return "chart-claim:\(values.fullName)-\(id)"
        case "nfs": return "nfs:\(item["server"]?.text ?? "?"):\(item["path"]?.text ?? "?")"
        case "emptyDir": return "emptyDir"
        case "hostPath": return "hostPath:\(item["hostPath"]?.text ?? "?")"
        case "configMap": return "configMap:" + values.filled(item["name"]?.text ?? item["identifier"]?.text ?? id)
        case "secret": return "secret:" + values.filled(item["name"]?.text ?? item["identifier"]?.text ?? id)
        default: return "\(type):\(id)"
        }
    }

    /// Each variable of a container's `env` (a mapping or a list) and what it is set to: its value, or the
    /// Secret key or other source it comes from.
    static func environment(_ node: YAMLNode?, _ values: ReleaseValues) -> [(String, String)] {
        var result: [(String, String)] = []
        func setting(_ node: YAMLNode) -> String {
            if let text = node.scalar?.text { return values.filled(text) }
            if let value = node["value"]?.text { return values.filled(value) }
            if let reference = node[path: "valueFrom", "secretKeyRef"] ?? node["secretKeyRef"] {
                return "secret:\(values.filled(reference["name"]?.text ?? "?"))/\(reference["key"]?.text ?? "?")"
            }
            if let reference = node[path: "valueFrom", "configMapKeyRef"] ?? node["configMapKeyRef"] {
                return "configMap:\(values.filled(reference["name"]?.text ?? "?"))/\(reference["key"]?.text ?? "?")"
            }
            return "from:" + YAMLEmitter().emit(node.removing("name").typedValue).replacing("\n", with: " ")
        }
        if let pairs = node?.pairs {
            for pair in pairs { result.append((pair.keyText, setting(pair.value))) }
        } else if let items = node?.items {
            for item in items { if let name = item["name"]?.text { result.append((name, setting(item))) } }
        }
        return result
    }

    /// The facts of `original` missing from `rendered`, and those `rendered` adds that a render may not add.
    static func differences(
        original: AppFacts, rendered: AppFacts
    ) -> (missing: [String], added: [String], defaults: [String]) {
        let old = Set(original.facts)
        let new = Set(rendered.facts)
        let missing = original.facts.filter { !new.contains($0) }.map(\.text)
        var added: [String] = []
        var defaults: [String] = []
        // A container the original did not run (a catalog sidecar) comes whole from mediactl's defaults.
        let oldContainers = Set(original.facts.filter { $0.kind == .image }.map { Self.containerKey($0.text) })
        for fact in rendered.facts where !old.contains(fact) {
            if fact.kind.mayBeAdded
                || !oldContainers.contains(Self.containerKey(fact.text)) && fact.text.hasPrefix("container ")
            {
                defaults.append(fact.text)
            } else {
                added.append(fact.text)
            }
        }
        return (missing, added, defaults)
    }

    private static func containerKey(_ text: String) -> String {
        String(text.prefix { $0 != ":" })
    }
}

extension AppFacts {
    /// The facts of the app folder `folder` (`<appsDir>/<ns>/<app>`) of `source`, read like import reads it; nil
    /// when the folder does not read as an app (with the reasons in `problems`).
    static func read(folder: String, in source: ImportSource, problems: inout [ImportDiagnostic]) -> AppFacts? {
        let parts = folder.split(separator: "/").map(String.init)
        guard parts.count >= 3 else { return nil }
        let namespaceFolder = parts.dropLast().joined(separator: "/")
        var reader = ManifestReader(source: source)
        let kustomizationNamespace = reader.documents(namespaceFolder + "/kustomization.yaml")?.first?.node[
            "namespace"]?.text
        let folderReader = AppFolderReader(
            appsDir: parts.dropLast(2).joined(separator: "/"), namespace: parts[parts.count - 2],
            name: parts[parts.count - 1], kustomizationNamespace: kustomizationNamespace)
        do {
            let app = try folderReader.read(&reader)
            return AppFacts(app, kustomizationNamespace: kustomizationNamespace)
        } catch {
            problems += error.reasons + reader.errors
            return nil
        }
    }
}
