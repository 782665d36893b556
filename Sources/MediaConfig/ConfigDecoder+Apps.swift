import MediaKit
import MediaYAML

/// The `apps:` section: one ``AppSpec`` per key.
extension ConfigDecoder {
    mutating func decodeApps(_ node: YAMLNode, storage: StorageSettings) -> [AppSpec] {
        guard let pairs = mapping(node, "'apps'") else { return [] }
        var apps: [AppSpec] = []
        for pair in pairs {
            let name = pair.keyText
            if let problem = DNSLabel.problem(with: name) {
                let suggestion = DNSLabel.suggestion(for: name)
                error(
                    pair.key,
                    "app name '\(name)' is not a DNS-1123 label: \(problem)"
                        + (suggestion.isEmpty ? "" : "; try '\(suggestion)'"))
                continue
            }
            if let problem = Self.appNameProblem(name) {
                error(pair.key, "app name '\(name)' \(problem)")
                continue
            }
            if let app = decodeApp(AppName(rawValue: name), pair, storage: storage) { apps.append(app) }
        }
        // Sorted through their indices, so that the specs (about fifty fields each) are not moved while sorting.
        return apps.indices.sorted { apps[$0].name < apps[$1].name }.map { apps[$0] }
    }

    /// The longest app name: Helm refuses longer release names, and Flux would shorten the HelmRelease's
    /// with a hash, so the chart's labels no longer match the app's name that network policies select.
    static let maximumAppNameLength = 53

    /// Why a DNS-1123 label cannot name an app, or nil: the chart names the app's Service after it, and a
    /// Service name must start with a letter (DNS-1035).
    static func appNameProblem(_ name: String) -> String? {
        if let first = name.unicodeScalars.first, !("a"..."z").contains(first) {
            return "must start with a letter: its Service is named after it, and Service names start with one"
        }
        if name.utf8.count > maximumAppNameLength {
            return "is longer than \(maximumAppNameLength) characters, the longest Helm release name"
        }
        return nil
    }

    private mutating func decodeApp(_ name: AppName, _ entry: YAMLPair, storage: StorageSettings) -> AppSpec? {
        let scope = ConfigScope(app: name)
        guard let pairs = mapping(entry.value, "app '\(name)'") else { return nil }
        var app = AppSpec(name: name)
        // The keys of `ConfigKeys.app`, and no others: a key outside the table is unknown, and each of its keys
        // has a case below (a test decodes every one).
        for pair in pairs {
            guard ConfigKeys.app.names.contains(pair.keyText) else {
                unknownKey(pair, in: scope, allowed: ConfigKeys.app.names)
                continue
            }
            let value = pair.value
            // Built only for a message: most keys decode without one.
            func field() -> String { scope.field(pair.keyText) }
            switch pair.keyText {
            case "service": if let service = label(value, field()) { app.service = ServiceID(rawValue: service) }
            case "enabled": if let enabled = bool(value, field()) { app.enabled = enabled }
            case "namespace": app.namespace = namespace(value, field())
            case "image": app.image = decodeImage(value, scope)
            case "port": app.port = port(value, field())
            case "expose": app.expose = choice(value, field(), as: Exposure.self)
            case "host": app.host = decodeHost(value, field())
            case "auth": app.auth = bool(value, field())
            case "resources": app.resources = decodeResources(value, scope.nested("resources"))
            case "env": app.env = decodeEnv(value, field())
            case "secrets": app.secrets = decodeSecrets(value, scope.nested("secrets"))
            case "storage":
                if let appStorage = decodeAppStorage(value, scope.nested("storage")) { app.storage = appStorage }
            case "mounts":
                // Mount order means nothing to Kubernetes; sorting by path keeps the output independent of it.
                app.mounts = decodeMounts(value, scope.nested("mounts"), volumes: storage.volumes)
                    .sorted { $0.path.precedesInByteOrder($1.path) }
            case "dependsOn": app.dependsOn = decodeDependsOn(value, field(), app: name)
            case "components":
                if let items = sequence(value, field()) {
                    app.components = items.compactMap { relativePath($0, field(), inside: .repository) }
                }
            case "substitute":
                app.substitute = checkedMap(value, field(), keys: Self.substitutionNameProblem) ?? [:]
            case "nodeSelector":
                app.nodeSelector =
                    checkedMap(
                        value, field(), keys: KubernetesName.qualifiedNameProblem,
                        values: KubernetesName.labelValueProblem) ?? [:]
            case "gpu": app.gpu = choice(value, field(), as: GPUKind.self)
            case "replicas": app.replicas = integer(value, field(), in: 0...100)
            case "exportarr": if let exportarr = bool(value, field()) { app.exportarr = exportarr }
            case "vpn": app.vpn = decodeVPN(value, scope.nested("vpn"))
            case "loadBalancer": app.loadBalancer = decodeLoadBalancer(value, scope.nested("loadBalancer"))
            case "proxy": app.proxy = decodeProxy(value, scope.nested("proxy"))
            case "dashboard": app.dashboard = decodeDashboard(value, scope.nested("dashboard"))
            case "discovery": app.discovery = bool(value, field())
            case "values":
                guard mapping(value, field()) != nil, case .map(let map) = rawValue(value, field()) else { continue }
                app.values = map
            case "extraResources":
                if let items = sequence(value, field()) {
                    app.extraResources = items.compactMap { relativePath($0, field(), inside: .appFolder) }
                }
            default: unknownKey(pair, in: scope, allowed: ConfigKeys.app.names)
            }
        }
        checkService(of: app, at: entry.key, pairs: pairs)
        if app.discovery != nil, app.catalogEntry?.spec?.discovery == nil,
            let pair = pairs.first(where: { $0.keyText == "discovery" })
        {
            let dashboards = Catalog.entries.filter { $0.spec?.discovery != nil }.map { "'\($0.id)'" }
            error(
                pair.key,
                "'discovery' in app '\(app.name)' turns a dashboard's discovery of the stack's apps off, and service "
                    + "'\(app.service)' has none; only \(dashboards.joined(separator: ", ")) discovers apps")
        }
        return app
    }

    /// An app outside the catalog needs `image` and `port`, unless it is a proxy app.
    private mutating func checkService(of app: AppSpec, at key: YAMLNode, pairs: [YAMLPair]) {
        guard app.catalogEntry == nil else { return }
        let keys = Set(pairs.map(\.keyText))
        guard !keys.contains("proxy") else { return }
        let missing = ["image", "port"].filter { !keys.contains($0) }
        guard !missing.isEmpty else { return }
        let needs = "an app outside the catalog needs " + missing.map { "'\($0)'" }.joined(separator: " and ")
        var message = "app '\(app.name)' runs service '\(app.service)', which is not in the catalog; "
        if let suggestion = NameSuggestion.nearest(to: app.service.rawValue, in: Catalog.ids.map(\.rawValue)) {
            message += "did you mean '\(suggestion)'? (\(needs))"
        } else {
            message += needs
        }
        error(key, message)
    }

    private mutating func decodeImage(_ node: YAMLNode, _ scope: ConfigScope) -> ImageReference? {
        let field = scope.field("image")
        if node.pairs != nil {
            let imageScope = scope.nested("image")
            guard let image = fields(node, imageScope, allowed: ConfigKeys.image.names) else { return nil }
            let tag = image["tag"].flatMap { string($0, imageScope.field("tag")) }
            let digest = image["digest"].flatMap { string($0, imageScope.field("digest")) }
            guard let repository = image["repository"].flatMap({ string($0, imageScope.field("repository")) }),
                tag != nil || digest != nil
            else {
                error(node, "\(field) needs a 'repository' and a 'tag' (or 'digest')")
                return nil
            }
            let reference = ImageReference(repository: repository, tag: tag, digest: digest)
            if let problem = reference.problem {
                let part =
                    ImageReference.problem(withRepository: repository) != nil
                    ? "repository" : tag.flatMap(ImageReference.problem(withTag:)) != nil ? "tag" : "digest"
                error(image[part] ?? node, "\(imageScope.field(part)) is not valid: \(problem)")
                return nil
            }
            return reference
        }
        guard let text = string(node, field) else { return nil }
        guard let image = ImageReference(parsing: text) else {
            error(node, "expected 'repository:tag' for \(field), found '\(text)' without a tag; pin a version")
            return nil
        }
        if let problem = image.problem {
            error(
                node,
                "expected an image such as 'ghcr.io/home-operations/sonarr:4.0.15' for \(field), found '\(text)': "
                    + problem)
            return nil
        }
        return image
    }

    /// A host name or the part of one before the cluster domain (``DNSName``).
    mutating func decodeHost(
        _ node: YAMLNode, _ field: @autoclosure () -> String, example: String = "'books' or 'books.media'"
    ) -> String? {
        guard let host = string(node, field()) else { return nil }
        if let problem = DNSName.problem(with: host) {
            error(node, "\(field()) must be a DNS name such as \(example), found '\(host)': \(problem)")
            return nil
        }
        return host
    }

    private mutating func decodeResources(_ node: YAMLNode, _ scope: ConfigScope) -> ResourceRequirements? {
        guard let values = fields(node, scope, allowed: ConfigKeys.resources.names) else { return nil }
        var resources = ResourceRequirements()
        for (key, value) in values {
            let amountScope = scope.nested(key)
            guard let amount = fields(value, amountScope, allowed: ConfigKeys.amounts.names) else { continue }
            let amounts = ResourceRequirements.Amounts(
                cpu: amount["cpu"].flatMap { quantity($0, amountScope.field("cpu")) },
                memory: amount["memory"].flatMap { quantity($0, amountScope.field("memory")) })
            if key == "requests" { resources.requests = amounts } else { resources.limits = amounts }
        }
        return resources
    }

    private mutating func decodeEnv(_ node: YAMLNode, _ field: @autoclosure () -> String) -> [String: String] {
        for pair in node.pairs ?? [] where !Self.isEnvironmentName(pair.keyText) {
            error(pair.key, "'\(pair.keyText)' in \(field()) is not a valid environment variable name")
        }
        return stringMap(node, field()) ?? [:]
    }

    /// Why `name` is no variable Flux substitutes: its names are ASCII letters, digits and `_`, not starting with
    /// a digit (fluxcd/pkg `envsubst`; a variable named otherwise stays as text).
    static func substitutionNameProblem(_ name: String) -> String? {
        guard let first = name.unicodeScalars.first else { return "it is empty" }
        let allowed = name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
        }
        guard allowed, !("0"..."9").contains(first) else {
            return "Flux substitutes only names of ASCII letters, digits and '_' that do not start with a digit"
        }
        return nil
    }

    /// What `env` and `secrets` accept as a variable name: ASCII letters, digits, `_`, `.` and `-`, not starting
    /// with a digit (`import` keeps to the same rule).
    public static func isEnvironmentName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "_.-".unicodeScalars.contains(scalar))
        }
    }

    private mutating func decodeSecrets(_ node: YAMLNode, _ scope: ConfigScope) -> [String: SecretSource] {
        guard let pairs = mapping(node, scope.selfField) else { return [:] }
        let kinds = ConfigKeys.secret.names
        var secrets: [String: SecretSource] = [:]
        for pair in pairs {
            let variable = pair.keyText
            guard Self.isEnvironmentName(variable) else {
                error(pair.key, "'\(variable)' in \(scope.selfField) is not a valid environment variable name")
                continue
            }
            let entryScope = scope.nested(variable)
            guard let entry = fields(pair.value, entryScope, allowed: kinds) else { continue }
            guard entry.count == 1, let (kind, value) = entry.first else {
                if pair.value.pairs?.contains(where: { !kinds.contains($0.keyText) }) != true {
                    let found = kinds.filter { entry[$0] != nil }.map { "'\($0)'" }.joined(separator: " and ")
                    error(
                        pair.value,
                        "expected exactly one of 'externalSecret' or 'secretRef' for \(entryScope.selfField), "
                            + "found \(found.isEmpty ? "none" : found)")
                }
                continue
            }
            let kindScope = entryScope.nested(kind)
            let allowed = kind == "externalSecret" ? ConfigKeys.externalSecret.names : ConfigKeys.secretRef.names
            guard let source = fields(value, kindScope, allowed: allowed) else { continue }
            var text: [String: String] = [:]
            for key in allowed {
                if let node = source[key], let value = string(node, kindScope.field(key)) { text[key] = value }
            }
            // Object names and Secret keys the API server checks: a ClusterSecretStore and a Secret are named by
            // DNS subdomains, and a Secret's keys are letters, digits, '-', '_' and '.'.
            let rules: [String: (String) -> String?] =
                kind == "externalSecret"
                ? ["store": KubernetesName.subdomainProblem]
                : ["name": KubernetesName.subdomainProblem, "key": KubernetesName.secretKeyProblem]
            var valid = true
            for (key, rule) in rules.sorted(by: { $0.key < $1.key }) {
                guard let node = source[key], let found = text[key], let problem = rule(found) else { continue }
                error(node, "\(kindScope.field(key)) is not valid, found '\(found)': \(problem)")
                valid = false
            }
            guard valid else { continue }
            if kind == "externalSecret" {
                guard let store = text["store"], let key = text["key"] else {
                    error(value, "\(kindScope.selfField) needs a 'store' and a 'key'")
                    continue
                }
                secrets[variable] = .externalSecret(store: store, key: key, property: text["property"])
            } else {
                guard let name = text["name"], let key = text["key"] else {
                    error(value, "\(kindScope.selfField) needs a 'name' and a 'key'")
                    continue
                }
                secrets[variable] = .secretRef(name: name, key: key)
            }
        }
        return secrets
    }

    private mutating func decodeAppStorage(_ node: YAMLNode, _ scope: ConfigScope) -> AppStorage? {
        if let scalar = node.scalar, scalar.style == .plain, scalar.text == "false" { return .disabled }
        if let scalar = node.scalar, scalar.style == .plain, scalar.text == "true" { return .default }
        guard node.pairs != nil || node.isNull else {
            error(
                node,
                "expected false or a mapping with 'size', 'storageClass' and 'claimName' for \(scope.selfField), "
                    + "found \(node.summary)")
            return nil
        }
        guard let values = fields(node, scope, allowed: ConfigKeys.appStorage.names) else { return nil }
        let size = values["size"].flatMap { quantity($0, scope.field("size")) }
        let storageClass = values["storageClass"].flatMap { label($0, scope.field("storageClass")) }
        let claimName = values["claimName"].flatMap { label($0, scope.field("claimName")) }
        if size == nil, storageClass == nil, claimName == nil { return .default }
        return .custom(size: size, storageClass: storageClass, claimName: claimName)
    }

    private mutating func decodeMounts(
        _ node: YAMLNode, _ scope: ConfigScope, volumes: [String: SharedVolume]
    ) -> [VolumeMount] {
        guard let items = sequence(node, scope.selfField) else { return [] }
        var mounts: [VolumeMount] = []
        for item in items {
            guard let mount = fields(item, scope, allowed: ConfigKeys.mount.names) else { continue }
            guard let volumeNode = mount["volume"], let pathNode = mount["path"] else {
                error(item, "each entry of \(scope.selfField) needs a 'volume' and a 'path'")
                continue
            }
            let subPath = mount["subPath"].flatMap { relativePath($0, scope.field("subPath"), inside: .volume) }
            let readOnly = mount["readOnly"].flatMap { bool($0, scope.field("readOnly")) } ?? false
            guard let volume = label(volumeNode, scope.field("volume")),
                let path = absolutePath(pathNode, scope.field("path"))
            else { continue }
            guard volumes[volume] != nil else {
                undefinedVolume(volume, at: volumeNode, field: scope.field("volume"), volumes: volumes)
                continue
            }
            mounts.append(VolumeMount(volume: volume, path: path, subPath: subPath, readOnly: readOnly))
        }
        return mounts
    }

    private mutating func decodeDependsOn(
        _ node: YAMLNode, _ field: @autoclosure () -> String, app: AppName
    ) -> [String] {
        guard let items = sequence(node, field()) else { return [] }
        var names: [String] = []
        for item in items {
            guard let name = dependencyName(item, field()) else { continue }
            if name == app.rawValue {
                error(item, "app '\(app)' cannot depend on itself")
                continue
            }
            names.append(name)
        }
        return names
    }

    /// An app or Flux Kustomization name, or `namespace/name` for one in another namespace.
    private mutating func dependencyName(_ node: YAMLNode, _ field: @autoclosure () -> String) -> String? {
        guard let text = string(node, field()) else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let problem =
            parts.count > 2
            ? "it has more than one '/'" : parts.lazy.compactMap { DNSLabel.problem(with: $0) }.first
        guard let problem else { return text }
        error(
            node, "\(field()) must be an app name or 'namespace/name' of DNS-1123 labels, found '\(text)': \(problem)")
        return nil
    }

    private mutating func decodeProxy(_ node: YAMLNode, _ scope: ConfigScope) -> ProxySpec? {
        guard let values = fields(node, scope, allowed: ConfigKeys.proxy.names) else { return nil }
        guard let domainNode = values["domain"], let appsNode = values["apps"] else {
            let missing = ["domain", "apps"].filter { values[$0] == nil }.map { "'\($0)'" }
            error(node, "\(scope.selfField) needs " + missing.joined(separator: " and "))
            return nil
        }
        let port = values["port"].flatMap { self.port($0, scope.field("port")) } ?? 443
        guard let domain = decodeHost(domainNode, scope.field("domain"), example: "'nas.lan' or 'example.com'"),
            let items = sequence(appsNode, scope.field("apps"))
        else { return nil }
        var apps: [String] = []
        for item in items {
            guard let name = label(item, scope.field("apps")) else { continue }
            if apps.contains(name) {
                error(item, "'\(name)' is listed twice in \(scope.field("apps")); each remote app gets one route")
                return nil
            }
            apps.append(name)
        }
        guard !items.isEmpty else {
            error(appsNode, "\(scope.field("apps")) lists no apps; name the remote apps to route to")
            return nil
        }
        return apps.count == items.count ? ProxySpec(domain: domain, port: port, apps: apps) : nil
    }

    /// `true`, `false` or `{secret: NAME}`.
    private mutating func decodeVPN(_ node: YAMLNode, _ scope: ConfigScope) -> VPNSettings? {
        guard let values = switchOrFields(node, scope, allowed: ConfigKeys.vpn.names) else { return nil }
        return VPNSettings(secret: values["secret"].flatMap { label($0, scope.field("secret")) })
    }

    /// `true`, `false` or `{ip: ADDRESS}`.
    private mutating func decodeLoadBalancer(_ node: YAMLNode, _ scope: ConfigScope) -> LoadBalancerSettings? {
        guard let values = switchOrFields(node, scope, allowed: ConfigKeys.loadBalancer.names) else { return nil }
        var settings = LoadBalancerSettings()
        if let ipNode = values["ip"], let ip = string(ipNode, scope.field("ip")) {
            if IPAddressText.isValid(ip) {
                settings.ip = ip
            } else {
                error(ipNode, "\(scope.field("ip")) must be an IPv4 or IPv6 address, found '\(ip)'")
            }
        }
        return settings
    }

    private mutating func decodeDashboard(_ node: YAMLNode, _ scope: ConfigScope) -> DashboardSettings? {
        guard let values = fields(node, scope, allowed: ConfigKeys.dashboard.names) else { return nil }
        return DashboardSettings(
            icon: values["icon"].flatMap { string($0, scope.field("icon")) },
            group: values["group"].flatMap { string($0, scope.field("group")) })
    }
}
