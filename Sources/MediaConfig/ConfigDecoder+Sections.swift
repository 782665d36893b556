import MediaKit
import MediaYAML

/// The file-level sections: `repo`, `cluster`, `chart`, `exposure`, `storage`, `backups`,
/// `monitoring`.
extension ConfigDecoder {
    mutating func decodeRepo(_ node: YAMLNode) -> RepoSettings? {
        let scope = ConfigScope.root.nested("repo")
        guard let pairs = mapping(node, "'repo'") else { return nil }
        var repo = RepoSettings()
        for pair in pairs {
            let value = pair.value
            switch pair.keyText {
            case "appsDir": if let path = relativePath(value, scope.field("appsDir")) { repo.appsDir = path }
            case "docsDir":
                if let scalar = value.scalar, scalar.style == .plain, scalar.text == "false" {
                    repo.docsDir = nil
                } else if let path = relativePath(value, scope.field("docsDir")) {
                    repo.docsDir = path
                }
            case "source": if let source = decodeSource(value, scope.nested("source")) { repo.source = source }
            case "substituteFrom":
                if let items = sequence(value, scope.field("substituteFrom")) {
                    repo.substituteFrom = items.compactMap { label($0, scope.field("substituteFrom")) }
                }
            default: unknownKey(pair, in: scope, allowed: ["appsDir", "docsDir", "source", "substituteFrom"])
            }
        }
        return repo
    }

    private mutating func decodeSource(_ node: YAMLNode, _ scope: ConfigScope) -> FluxSourceReference? {
        guard let pairs = mapping(node, "'repo.source'") else { return nil }
        var source = FluxSourceReference()
        for pair in pairs {
            switch pair.keyText {
            case "kind":
                if let kind = choice(pair.value, scope.field("kind"), as: FluxSourceReference.Kind.self) {
                    source.kind = kind
                }
            case "name": if let name = label(pair.value, scope.field("name")) { source.name = name }
            case "namespace":
                if let namespace = label(pair.value, scope.field("namespace")) { source.namespace = namespace }
            default: unknownKey(pair, in: scope, allowed: ["kind", "name", "namespace"])
            }
        }
        return source
    }

    mutating func decodeCluster(_ node: YAMLNode) -> ClusterSettings? {
        let scope = ConfigScope.root.nested("cluster")
        guard let pairs = mapping(node, "'cluster'") else { return nil }
        var cluster = ClusterSettings()
        for pair in pairs {
            let value = pair.value
            switch pair.keyText {
            case "domain": if let domain = string(value, scope.field("domain")) { cluster.domain = domain }
            case "timezone": if let zone = string(value, scope.field("timezone")) { cluster.timezone = zone }
            case "user":
                let userScope = scope.nested("user")
                guard let userPairs = mapping(value, scope.field("user")) else { continue }
                for userPair in userPairs {
                    switch userPair.keyText {
                    case "uid":
                        if let uid = integer(userPair.value, userScope.field("uid"), in: 0...2_147_483_647) {
                            cluster.user.uid = uid
                        }
                    case "gid":
                        if let gid = integer(userPair.value, userScope.field("gid"), in: 0...2_147_483_647) {
                            cluster.user.gid = gid
                        }
                    default: unknownKey(userPair, in: userScope, allowed: ["uid", "gid"])
                    }
                }
            default: unknownKey(pair, in: scope, allowed: ["domain", "timezone", "user"])
            }
        }
        return cluster
    }

    mutating func decodeChart(_ node: YAMLNode) -> ChartSettings? {
        let scope = ConfigScope.root.nested("chart")
        guard let pairs = mapping(node, "'chart'") else { return nil }
        var chart = ChartSettings()
        for pair in pairs {
            switch pair.keyText {
            case "version":
                if let version = choice(pair.value, scope.field("version"), as: ChartSettings.Version.self) {
                    chart.version = version
                }
            case "source":
                if let source = choice(pair.value, scope.field("source"), as: ChartSettings.Source.self) {
                    chart.source = source
                }
            default: unknownKey(pair, in: scope, allowed: ["version", "source"])
            }
        }
        return chart
    }

    mutating func decodeExposure(_ node: YAMLNode) -> ExposureSettings? {
        let scope = ConfigScope.root.nested("exposure")
        guard let pairs = mapping(node, "'exposure'") else { return nil }
        var exposure = ExposureSettings()
        for pair in pairs {
            let value = pair.value
            switch pair.keyText {
            case "mode":
                if let mode = choice(value, scope.field("mode"), as: ExposureSettings.Mode.self) {
                    exposure.mode = mode
                }
            case "classes":
                for (level, entry, entryScope) in exposureLevels(value, scope.nested("classes")) {
                    guard let entryPairs = mapping(entry, entryScope.selfField) else { continue }
                    for entryPair in entryPairs {
                        if entryPair.keyText == "className" {
                            if let name = label(entryPair.value, entryScope.field("className")) {
                                exposure.ingressClasses[level] = name
                            }
                        } else {
                            unknownKey(entryPair, in: entryScope, allowed: ["className"])
                        }
                    }
                }
            case "auth":
                let authScope = scope.nested("auth")
                guard let authPairs = mapping(value, scope.field("auth")) else { continue }
                for authPair in authPairs {
                    if authPair.keyText == "annotations" {
                        if let map = stringMap(authPair.value, authScope.field("annotations")) {
                            exposure.authAnnotations = map
                        }
                    } else {
                        unknownKey(authPair, in: authScope, allowed: ["annotations"])
                    }
                }
            case "tls":
                let tlsScope = scope.nested("tls")
                guard let tlsPairs = mapping(value, scope.field("tls")) else { continue }
                for tlsPair in tlsPairs {
                    if tlsPair.keyText == "issuer" {
                        exposure.tlsIssuer = label(tlsPair.value, tlsScope.field("issuer"))
                    } else {
                        unknownKey(tlsPair, in: tlsScope, allowed: ["issuer"])
                    }
                }
            case "gateways":
                for (level, entry, entryScope) in exposureLevels(value, scope.nested("gateways")) {
                    guard let entryPairs = mapping(entry, entryScope.selfField) else { continue }
                    var name: String?
                    var namespace: String?
                    for entryPair in entryPairs {
                        switch entryPair.keyText {
                        case "name": name = label(entryPair.value, entryScope.field("name"))
                        case "namespace": namespace = label(entryPair.value, entryScope.field("namespace"))
                        default: unknownKey(entryPair, in: entryScope, allowed: ["name", "namespace"])
                        }
                    }
                    guard let name, let namespace else {
                        error(entry, "'exposure.gateways.\(level.rawValue)' needs both 'name' and 'namespace'")
                        continue
                    }
                    exposure.gateways[level] = ExposureSettings.GatewayReference(name: name, namespace: namespace)
                }
            default: unknownKey(pair, in: scope, allowed: ["mode", "classes", "auth", "tls", "gateways"])
            }
        }
        return exposure
    }

    /// The `internal:` and `external:` entries of `classes` or `gateways`.
    private mutating func exposureLevels(_ node: YAMLNode, _ scope: ConfigScope) -> [(Exposure, YAMLNode, ConfigScope)]
    {
        guard let pairs = mapping(node, scope.selfField) else { return [] }
        var levels: [(Exposure, YAMLNode, ConfigScope)] = []
        for pair in pairs {
            if let level = Exposure(rawValue: pair.keyText), level != .none {
                levels.append((level, pair.value, scope.nested(pair.keyText)))
            } else {
                unknownKey(pair, in: scope, allowed: ["internal", "external"])
            }
        }
        return levels
    }

    mutating func decodeStorage(_ node: YAMLNode) -> StorageSettings? {
        let scope = ConfigScope.root.nested("storage")
        guard let pairs = mapping(node, "'storage'") else { return nil }
        var storage = StorageSettings()
        var mediaNode: YAMLNode?
        for pair in pairs {
            let value = pair.value
            switch pair.keyText {
            case "config":
                let configScope = scope.nested("config")
                guard let configPairs = mapping(value, scope.field("config")) else { continue }
                for configPair in configPairs {
                    switch configPair.keyText {
                    case "storageClass":
                        storage.config.storageClass = label(configPair.value, configScope.field("storageClass"))
                    case "size":
                        if let size = quantity(configPair.value, configScope.field("size")) {
                            storage.config.size = size
                        }
                    default: unknownKey(configPair, in: configScope, allowed: ["storageClass", "size"])
                    }
                }
            case "volumes":
                guard let volumePairs = mapping(value, scope.field("volumes")) else { continue }
                for volumePair in volumePairs {
                    let field = "volume '\(volumePair.keyText)'"
                    if let problem = DNSLabel.problem(with: volumePair.keyText) {
                        error(volumePair.key, "\(field) must have a DNS-1123 label as its name: \(problem)")
                        continue
                    }
                    if let volume = decodeVolume(volumePair.value, scope.nested("volumes").nested(volumePair.keyText)) {
                        storage.volumes[volumePair.keyText] = volume
                    }
                }
            case "media":
                mediaNode = value
                storage.media = label(value, scope.field("media"))
            default: unknownKey(pair, in: scope, allowed: ["config", "volumes", "media"])
            }
        }
        if let mediaNode, let media = storage.media, storage.volumes[media] == nil {
            undefinedVolume(media, at: mediaNode, field: scope.field("media"), volumes: storage.volumes)
            storage.media = nil
        }
        return storage
    }

    /// Records a reference to a volume that `storage.volumes` does not define.
    mutating func undefinedVolume(_ name: String, at node: YAMLNode, field: String, volumes: [String: SharedVolume]) {
        var message = "\(field) names volume '\(name)', which 'storage.volumes' does not define"
        if let suggestion = NameSuggestion.nearest(to: name, in: volumes.keys.sorted()) {
            message += "; did you mean '\(suggestion)'?"
        }
        error(node, message)
    }

    private mutating func decodeVolume(_ node: YAMLNode, _ scope: ConfigScope) -> SharedVolume? {
        let field = scope.selfField
        let kinds = ["nfs", "pvc", "existingClaim"]
        guard let pairs = mapping(node, field) else { return nil }
        guard pairs.count == 1, let pair = pairs.first, kinds.contains(pair.keyText) else {
            if let unknown = pairs.first(where: { !kinds.contains($0.keyText) }) {
                unknownKey(unknown, in: scope, allowed: kinds)
            } else {
                let found = pairs.isEmpty ? "none" : pairs.map { "'\($0.keyText)'" }.joined(separator: " and ")
                error(node, "expected exactly one of 'nfs', 'pvc' or 'existingClaim' for \(field), found \(found)")
            }
            return nil
        }
        let kindScope = scope.nested(pair.keyText)
        switch pair.keyText {
        case "existingClaim":
            guard let claim = label(pair.value, scope.field("existingClaim")) else { return nil }
            return .existingClaim(claim)
        case "nfs":
            guard let nfsPairs = mapping(pair.value, scope.field("nfs")) else { return nil }
            var server: String?
            var path: String?
            for nfsPair in nfsPairs {
                switch nfsPair.keyText {
                case "server": server = string(nfsPair.value, kindScope.field("server"))
                case "path": path = absolutePath(nfsPair.value, kindScope.field("path"))
                default: unknownKey(nfsPair, in: kindScope, allowed: ["server", "path"])
                }
            }
            guard let server, let path else {
                error(pair.value, "\(scope.field("nfs")) needs both 'server' and 'path'")
                return nil
            }
            return .nfs(server: server, path: path)
        default:
            guard let pvcPairs = mapping(pair.value, scope.field("pvc")) else { return nil }
            var storageClass: String?
            var size: String?
            var accessMode = SharedVolume.AccessMode.readWriteMany
            for pvcPair in pvcPairs {
                switch pvcPair.keyText {
                case "storageClass": storageClass = label(pvcPair.value, kindScope.field("storageClass"))
                case "size": size = quantity(pvcPair.value, kindScope.field("size"))
                case "accessMode":
                    if let mode = choice(pvcPair.value, kindScope.field("accessMode"), as: SharedVolume.AccessMode.self)
                    {
                        accessMode = mode
                    }
                default: unknownKey(pvcPair, in: kindScope, allowed: ["storageClass", "size", "accessMode"])
                }
            }
            guard let size else {
                error(pair.value, "\(scope.field("pvc")) needs a 'size', such as '1Ti'")
                return nil
            }
            return .pvc(storageClass: storageClass, size: size, accessMode: accessMode)
        }
    }

    mutating func decodeBackups(_ node: YAMLNode) -> BackupSettings? {
        let scope = ConfigScope.root.nested("backups")
        guard let pairs = mapping(node, "'backups'") else { return nil }
        var backups = BackupSettings()
        for pair in pairs {
            switch pair.keyText {
            case "engine":
                if let engine = choice(pair.value, scope.field("engine"), as: BackupSettings.Engine.self) {
                    backups.engine = engine
                }
            case "schedule":
                guard let schedule = string(pair.value, scope.field("schedule")) else { continue }
                if CronSchedule.isValid(schedule) {
                    backups.schedule = schedule
                } else {
                    error(
                        pair.value,
                        "expected a cron schedule with five fields, such as '0 3 * * *', for \(scope.field("schedule")), found '\(schedule)'"
                    )
                }
            default: unknownKey(pair, in: scope, allowed: ["engine", "schedule"])
            }
        }
        return backups
    }

    mutating func decodeMonitoring(_ node: YAMLNode) -> MonitoringSettings? {
        let scope = ConfigScope.root.nested("monitoring")
        guard let pairs = mapping(node, "'monitoring'") else { return nil }
        var monitoring = MonitoringSettings()
        for pair in pairs {
            switch pair.keyText {
            case "gatus": if let flag = bool(pair.value, scope.field("gatus")) { monitoring.gatus = flag }
            case "serviceMonitors":
                if let flag = bool(pair.value, scope.field("serviceMonitors")) { monitoring.serviceMonitors = flag }
            case "alerts": if let flag = bool(pair.value, scope.field("alerts")) { monitoring.alerts = flag }
            default: unknownKey(pair, in: scope, allowed: ["gatus", "serviceMonitors", "alerts"])
            }
        }
        return monitoring
    }
}
