import MediaKit
import MediaYAML

/// The `apps:` section: one ``AppSpec`` per key.
extension ConfigDecoder {
    /// Per-app keys in the order `Docs/Config.md` lists them.
    static let appKeys = [
        "service", "enabled", "namespace", "image", "port", "expose", "host", "auth", "resources", "env", "secrets",
        "storage", "mounts", "dependsOn", "nodeSelector", "gpu", "replicas", "proxy", "dashboard", "values",
        "extraResources",
    ]

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
            if let app = decodeApp(AppName(rawValue: name), pair, storage: storage) { apps.append(app) }
        }
        return apps.sorted { $0.name < $1.name }
    }

    private mutating func decodeApp(_ name: AppName, _ entry: YAMLPair, storage: StorageSettings) -> AppSpec? {
        let scope = ConfigScope(owner: "app '\(name)'", keyPrefix: "")
        guard let pairs = mapping(entry.value, "app '\(name)'") else { return nil }
        var app = AppSpec(name: name)
        for pair in pairs {
            let value = pair.value
            let field = scope.field(pair.keyText)
            switch pair.keyText {
            case "service": if let service = label(value, field) { app.service = ServiceID(rawValue: service) }
            case "enabled": if let enabled = bool(value, field) { app.enabled = enabled }
            case "namespace": app.namespace = label(value, field)
            case "image": app.image = decodeImage(value, scope)
            case "port": app.port = port(value, field)
            case "expose": app.expose = choice(value, field, as: Exposure.self)
            case "host": app.host = decodeHost(value, field)
            case "auth": app.auth = bool(value, field)
            case "resources": app.resources = decodeResources(value, scope.nested("resources"))
            case "env": app.env = decodeEnv(value, field)
            case "secrets": app.secrets = decodeSecrets(value, scope.nested("secrets"))
            case "storage":
                if let appStorage = decodeAppStorage(value, scope.nested("storage")) { app.storage = appStorage }
            case "mounts": app.mounts = decodeMounts(value, scope.nested("mounts"), volumes: storage.volumes)
            case "dependsOn": app.dependsOn = decodeDependsOn(value, field, app: name)
            case "nodeSelector": app.nodeSelector = stringMap(value, field) ?? [:]
            case "gpu": app.gpu = choice(value, field, as: GPUKind.self)
            case "replicas": app.replicas = integer(value, field, in: 0...100)
            case "proxy": app.proxy = decodeProxy(value, scope.nested("proxy"))
            case "dashboard": app.dashboard = decodeDashboard(value, scope.nested("dashboard"))
            case "values":
                guard mapping(value, field) != nil, case .map(let map) = rawValue(value, field) else { continue }
                app.values = map
            case "extraResources":
                if let items = sequence(value, field) {
                    app.extraResources = items.compactMap { relativePath($0, field) }
                }
            default: unknownKey(pair, in: scope, allowed: Self.appKeys)
            }
        }
        checkService(of: app, at: entry.key, pairs: pairs)
        return app
    }

    /// An app outside the catalog needs `image` and `port`, unless it is a proxy app.
    private mutating func checkService(of app: AppSpec, at key: YAMLNode, pairs: [YAMLPair]) {
        let keys = Set(pairs.map(\.keyText))
        guard app.catalogEntry == nil, !keys.contains("proxy") else { return }
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
        if let pairs = node.pairs {
            let imageScope = scope.nested("image")
            var repository: String?
            var tag: String?
            var digest: String?
            for pair in pairs {
                switch pair.keyText {
                case "repository": repository = string(pair.value, imageScope.field("repository"))
                case "tag": tag = string(pair.value, imageScope.field("tag"))
                case "digest": digest = string(pair.value, imageScope.field("digest"))
                default: unknownKey(pair, in: imageScope, allowed: ["repository", "tag", "digest"])
                }
            }
            guard let repository, tag != nil || digest != nil else {
                error(node, "\(field) needs a 'repository' and a 'tag' (or 'digest')")
                return nil
            }
            return ImageReference(repository: repository, tag: tag, digest: digest)
        }
        guard let text = string(node, field) else { return nil }
        guard let image = ImageReference(parsing: text) else {
            error(node, "expected 'repository:tag' for \(field), found '\(text)' without a tag; pin a version")
            return nil
        }
        return image
    }

    private mutating func decodeHost(_ node: YAMLNode, _ field: String) -> String? {
        guard let host = string(node, field) else { return nil }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if let bad = labels.first(where: { DNSLabel.problem(with: String($0)) != nil }) {
            error(
                node,
                "\(field) must be a DNS name such as 'books' or 'books.media', found '\(host)' ('\(bad)' is not a DNS label)"
            )
            return nil
        }
        return host
    }

    private mutating func decodeResources(_ node: YAMLNode, _ scope: ConfigScope) -> ResourceRequirements? {
        guard let pairs = mapping(node, scope.selfField) else { return nil }
        var resources = ResourceRequirements()
        for pair in pairs {
            guard pair.keyText == "requests" || pair.keyText == "limits" else {
                unknownKey(pair, in: scope, allowed: ["requests", "limits"])
                continue
            }
            let amountScope = scope.nested(pair.keyText)
            guard let amountPairs = mapping(pair.value, scope.field(pair.keyText)) else { continue }
            var amounts = ResourceRequirements.Amounts()
            for amountPair in amountPairs {
                switch amountPair.keyText {
                case "cpu": amounts.cpu = quantity(amountPair.value, amountScope.field("cpu"))
                case "memory": amounts.memory = quantity(amountPair.value, amountScope.field("memory"))
                default: unknownKey(amountPair, in: amountScope, allowed: ["cpu", "memory"])
                }
            }
            if pair.keyText == "requests" { resources.requests = amounts } else { resources.limits = amounts }
        }
        return resources
    }

    private mutating func decodeEnv(_ node: YAMLNode, _ field: String) -> [String: String] {
        for pair in node.pairs ?? [] where !Self.isEnvironmentName(pair.keyText) {
            error(pair.key, "'\(pair.keyText)' in \(field) is not a valid environment variable name")
        }
        return stringMap(node, field) ?? [:]
    }

    static func isEnvironmentName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "_.-".unicodeScalars.contains(scalar))
        }
    }

    private mutating func decodeSecrets(_ node: YAMLNode, _ scope: ConfigScope) -> [String: SecretSource] {
        guard let pairs = mapping(node, scope.selfField) else { return [:] }
        var secrets: [String: SecretSource] = [:]
        for pair in pairs {
            let variable = pair.keyText
            if !Self.isEnvironmentName(variable) {
                error(pair.key, "'\(variable)' in \(scope.selfField) is not a valid environment variable name")
                continue
            }
            let entryScope = scope.nested(variable)
            let kinds = ["externalSecret", "secretRef"]
            guard let entryPairs = mapping(pair.value, scope.field(variable)) else { continue }
            guard entryPairs.count == 1, let kind = entryPairs.first, kinds.contains(kind.keyText) else {
                if let unknown = entryPairs.first(where: { !kinds.contains($0.keyText) }) {
                    unknownKey(unknown, in: entryScope, allowed: kinds)
                } else {
                    let found =
                        entryPairs.isEmpty ? "none" : entryPairs.map { "'\($0.keyText)'" }.joined(separator: " and ")
                    error(
                        pair.value,
                        "expected exactly one of 'externalSecret' or 'secretRef' for \(scope.field(variable)), found \(found)"
                    )
                }
                continue
            }
            let kindScope = entryScope.nested(kind.keyText)
            guard let fields = mapping(kind.value, entryScope.field(kind.keyText)) else { continue }
            var values: [String: String] = [:]
            let allowed = kind.keyText == "externalSecret" ? ["store", "key", "property"] : ["name", "key"]
            for fieldPair in fields {
                if allowed.contains(fieldPair.keyText) {
                    values[fieldPair.keyText] = string(fieldPair.value, kindScope.field(fieldPair.keyText))
                } else {
                    unknownKey(fieldPair, in: kindScope, allowed: allowed)
                }
            }
            if kind.keyText == "externalSecret" {
                guard let store = values["store"], let key = values["key"] else {
                    error(kind.value, "\(entryScope.field("externalSecret")) needs a 'store' and a 'key'")
                    continue
                }
                secrets[variable] = .externalSecret(store: store, key: key, property: values["property"])
            } else {
                guard let name = values["name"], let key = values["key"] else {
                    error(kind.value, "\(entryScope.field("secretRef")) needs a 'name' and a 'key'")
                    continue
                }
                secrets[variable] = .secretRef(name: name, key: key)
            }
        }
        return secrets
    }

    private mutating func decodeAppStorage(_ node: YAMLNode, _ scope: ConfigScope) -> AppStorage? {
        let field = scope.selfField
        if let scalar = node.scalar, scalar.style == .plain, scalar.text == "false" { return .disabled }
        if let scalar = node.scalar, scalar.style == .plain, scalar.text == "true" { return .default }
        guard node.pairs != nil || node.isNull else {
            error(
                node, "expected false or a mapping with 'size' and 'storageClass' for \(field), found \(node.summary)")
            return nil
        }
        guard let pairs = mapping(node, field) else { return nil }
        var size: String?
        var storageClass: String?
        for pair in pairs {
            switch pair.keyText {
            case "size": size = quantity(pair.value, scope.field("size"))
            case "storageClass": storageClass = label(pair.value, scope.field("storageClass"))
            default: unknownKey(pair, in: scope, allowed: ["size", "storageClass"])
            }
        }
        return size == nil && storageClass == nil ? .default : .custom(size: size, storageClass: storageClass)
    }

    private mutating func decodeMounts(
        _ node: YAMLNode, _ scope: ConfigScope, volumes: [String: SharedVolume]
    ) -> [VolumeMount] {
        let field = scope.selfField
        guard let items = sequence(node, field) else { return [] }
        var mounts: [VolumeMount] = []
        for item in items {
            guard let pairs = mapping(item, "an entry of \(field)") else { continue }
            var volume: String?
            var volumeNode: YAMLNode?
            var path: String?
            var subPath: String?
            var readOnly = false
            for pair in pairs {
                switch pair.keyText {
                case "volume":
                    volume = label(pair.value, scope.field("volume"))
                    volumeNode = pair.value
                case "path": path = absolutePath(pair.value, scope.field("path"))
                case "subPath": subPath = relativePath(pair.value, scope.field("subPath"))
                case "readOnly": readOnly = bool(pair.value, scope.field("readOnly")) ?? false
                default: unknownKey(pair, in: scope, allowed: ["volume", "path", "subPath", "readOnly"])
                }
            }
            guard let volume, let path, let volumeNode else {
                if !pairs.contains(where: { $0.keyText == "volume" })
                    || !pairs.contains(where: { $0.keyText == "path" })
                {
                    error(item, "each entry of \(field) needs a 'volume' and a 'path'")
                }
                continue
            }
            if volumes[volume] == nil {
                undefinedVolume(volume, at: volumeNode, field: scope.field("volume"), volumes: volumes)
                continue
            }
            mounts.append(VolumeMount(volume: volume, path: path, subPath: subPath, readOnly: readOnly))
        }
        return mounts
    }

    private mutating func decodeDependsOn(_ node: YAMLNode, _ field: String, app: AppName) -> [String] {
        guard let items = sequence(node, field) else { return [] }
        var names: [String] = []
        for item in items {
            guard let name = label(item, field) else { continue }
            if name == app.rawValue {
                error(item, "app '\(app)' cannot depend on itself")
                continue
            }
            names.append(name)
        }
        return names
    }

    private mutating func decodeProxy(_ node: YAMLNode, _ scope: ConfigScope) -> ProxySpec? {
        let field = scope.selfField
        guard let pairs = mapping(node, field) else { return nil }
        var domain: String?
        var port = 443
        var apps: [String]?
        for pair in pairs {
            switch pair.keyText {
            case "domain": domain = decodeHost(pair.value, scope.field("domain"))
            case "port": port = self.port(pair.value, scope.field("port")) ?? port
            case "apps":
                guard let items = sequence(pair.value, scope.field("apps")) else { continue }
                apps = items.compactMap { label($0, scope.field("apps")) }
                if items.isEmpty {
                    error(pair.value, "\(scope.field("apps")) lists no apps; name the remote apps to route to")
                }
            default: unknownKey(pair, in: scope, allowed: ["domain", "port", "apps"])
            }
        }
        guard let domain, let apps, !apps.isEmpty else {
            if domain == nil || apps == nil { error(node, "\(field) needs a 'domain' and a list of 'apps'") }
            return nil
        }
        return ProxySpec(domain: domain, port: port, apps: apps)
    }

    private mutating func decodeDashboard(_ node: YAMLNode, _ scope: ConfigScope) -> DashboardSettings? {
        let field = scope.selfField
        guard let pairs = mapping(node, field) else { return nil }
        var dashboard = DashboardSettings()
        for pair in pairs {
            switch pair.keyText {
            case "icon": dashboard.icon = string(pair.value, scope.field("icon"))
            case "group": dashboard.group = string(pair.value, scope.field("group"))
            default: unknownKey(pair, in: scope, allowed: ["icon", "group"])
            }
        }
        return dashboard
    }
}
