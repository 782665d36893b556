import MediaKit
import MediaYAML

/// The file-level sections: `repo`, `cluster`, `chart`, `exposure`, `storage`, `backups`,
/// `monitoring`.
extension ConfigDecoder {
    mutating func decodeRepo(_ node: YAMLNode) -> RepoSettings? {
        let scope = ConfigScope.root.nested("repo")
        guard let values = fields(node, scope, allowed: ConfigKeys.repo.names) else { return nil }
        var repo = RepoSettings()
        if let value = values["appsDir"], let path = relativePath(value, scope.field("appsDir"), inside: .repository) {
            repo.appsDir = path
        }
        if let value = values["docsDir"] {
            if let scalar = value.scalar, scalar.style == .plain, scalar.text == "false" {
                repo.docsDir = nil
            } else if let path = relativePath(value, scope.field("docsDir"), inside: .repository) {
                repo.docsDir = path
            }
        }
        if let docsDir = repo.docsDir, let overlap = Self.overlap(of: repo.appsDir, and: docsDir) {
            error(values["docsDir"] ?? values["appsDir"] ?? node, overlap)
        }
        let sourceScope = scope.nested("source")
        if let value = values["source"],
            let source = fields(value, sourceScope, allowed: ConfigKeys.source.names)
        {
            if let node = source["kind"],
                let kind = choice(node, sourceScope.field("kind"), as: FluxSourceReference.Kind.self)
            {
                repo.source.kind = kind
            }
            if let node = source["name"], let name = label(node, sourceScope.field("name")) { repo.source.name = name }
            if let node = source["namespace"], let namespace = label(node, sourceScope.field("namespace")) {
                repo.source.namespace = namespace
            }
        }
        if let value = values["substituteFrom"], let items = sequence(value, scope.field("substituteFrom")) {
            repo.substituteFrom = items.compactMap { label($0, scope.field("substituteFrom")) }
        }
        if let value = values["renovate"] {
            repo.renovatePreset = generatedFile(value, scope.field("renovate"), ending: ".json5")
        }
        if let value = values["schema"] {
            repo.schema = generatedFile(value, scope.field("schema"), ending: ".json")
        }
        if let value = values["handWrittenNamespaces"],
            let items = sequence(value, scope.field("handWrittenNamespaces"))
        {
            repo.handWrittenNamespaces = items.compactMap { label($0, scope.field("handWrittenNamespaces")) }
        }
        return repo
    }

    /// The path of a file `render` writes outside its folders (`repo.renovate`, `repo.schema`): a relative path
    /// inside the repository whose name ends in `suffix` (the kind of file it is, which its marker line follows), or
    /// nil for `false`.
    private mutating func generatedFile(
        _ node: YAMLNode, _ field: @autoclosure () -> String, ending suffix: String
    ) -> String? {
        if let scalar = node.scalar, scalar.style == .plain, scalar.text == "false" { return nil }
        guard let path = relativePath(node, field(), inside: .repository) else { return nil }
        guard path.hasSuffix(suffix), path.split(separator: "/").last != Substring(suffix) else {
            error(node, "expected a path ending in '\(suffix)', or false, for \(field()), found '\(path)'")
            return nil
        }
        return path
    }

    /// Why the generated folders `appsDir` and `docsDir` cannot both be used: the same folder, or one inside the
    /// other (compared ignoring case, as a case-insensitive file system would). Each is removed from when a
    /// render no longer produces a file, so neither may hold the other's files.
    static func overlap(of appsDir: String, and docsDir: String) -> String? {
        let apps = appsDir.lowercased()
        let docs = docsDir.lowercased()
        let message: String
        if apps == docs {
            message = "'repo.appsDir' and 'repo.docsDir' are the same folder '\(docsDir)'"
        } else if docs.hasPrefix(apps + "/") {
            message = "'repo.docsDir' '\(docsDir)' is inside 'repo.appsDir' '\(appsDir)'"
        } else if apps.hasPrefix(docs + "/") {
            message = "'repo.appsDir' '\(appsDir)' is inside 'repo.docsDir' '\(docsDir)'"
        } else {
            return nil
        }
        return message + "; the two generated folders must be apart (or turn runbooks off with 'docsDir: false')"
    }

    mutating func decodeCluster(_ node: YAMLNode) -> ClusterSettings? {
        let scope = ConfigScope.root.nested("cluster")
        guard let values = fields(node, scope, allowed: ConfigKeys.cluster.names) else {
            return nil
        }
        var cluster = ClusterSettings()
        if let value = values["domain"],
            let domain = decodeHost(value, scope.field("domain"), example: "'example.com' or '${SECRET_DOMAIN}'")
        {
            cluster.domain = domain
        }
        if let value = values["timezone"], let zone = string(value, scope.field("timezone")) {
            if let problem = TimeZoneName.problem(with: zone) {
                error(
                    value,
                    "expected a time zone such as 'Europe/Zurich' for \(scope.field("timezone")), found '\(zone)': \(problem)"
                )
            } else {
                cluster.timezone = zone
            }
        }
        if let value = values["loadBalancer"],
            let implementation = choice(value, scope.field("loadBalancer"), as: LoadBalancerImplementation.self)
        {
            cluster.loadBalancer = implementation
        }
        let userScope = scope.nested("user")
        if let value = values["user"], let user = fields(value, userScope, allowed: ConfigKeys.user.names) {
            let ids = 0...2_147_483_647
            if let node = user["uid"], let uid = integer(node, userScope.field("uid"), in: ids) {
                cluster.user.uid = uid
            }
            if let node = user["gid"], let gid = integer(node, userScope.field("gid"), in: ids) {
                cluster.user.gid = gid
            }
        }
        return cluster
    }

    mutating func decodeChart(_ node: YAMLNode) -> ChartSettings? {
        let scope = ConfigScope.root.nested("chart")
        guard let values = fields(node, scope, allowed: ConfigKeys.chart.names) else { return nil }
        var chart = ChartSettings()
        if let value = values["version"],
            let version = choice(value, scope.field("version"), as: ChartSettings.Version.self)
        {
            chart.version = version
        }
        if let value = values["source"],
            let source = choice(value, scope.field("source"), as: ChartSettings.Source.self)
        {
            chart.source = source
        }
        return chart
    }

    mutating func decodeExposure(_ node: YAMLNode) -> ExposureSettings? {
        let scope = ConfigScope.root.nested("exposure")
        guard let values = fields(node, scope, allowed: ConfigKeys.exposure.names) else {
            return nil
        }
        var exposure = ExposureSettings()
        if let value = values["mode"], let mode = choice(value, scope.field("mode"), as: ExposureSettings.Mode.self) {
            exposure.mode = mode
        }
        if let value = values["classes"] {
            for (level, entry, entryScope) in exposureLevels(value, scope.nested("classes"), table: ConfigKeys.classes)
            {
                if let entryValues = fields(entry, entryScope, allowed: ConfigKeys.ingressClass.names),
                    let node = entryValues["className"],
                    let name = label(node, entryScope.field("className"))
                {
                    exposure.ingressClasses[level] = name
                }
            }
        }
        let authScope = scope.nested("auth")
        if let value = values["auth"], let auth = fields(value, authScope, allowed: ConfigKeys.auth.names) {
            if let node = auth["annotations"],
                let annotations = checkedMap(
                    node, authScope.field("annotations"), keys: KubernetesName.qualifiedNameProblem)
            {
                exposure.authAnnotations = annotations
            }
            if let node = auth["labels"],
                let labels = checkedMap(
                    node, authScope.field("labels"), keys: KubernetesName.qualifiedNameProblem,
                    values: KubernetesName.labelValueProblem)
            {
                exposure.authLabels = labels
            }
        }
        let tlsScope = scope.nested("tls")
        if let value = values["tls"], let tls = fields(value, tlsScope, allowed: ConfigKeys.tls.names),
            let node = tls["issuer"]
        {
            exposure.tlsIssuer = label(node, tlsScope.field("issuer"))
        }
        if let value = values["gateways"] {
            for (level, entry, entryScope) in exposureLevels(
                value, scope.nested("gateways"), table: ConfigKeys.gateways)
            {
                guard let gateway = fields(entry, entryScope, allowed: ConfigKeys.gateway.names) else {
                    continue
                }
                guard let name = gateway["name"].flatMap({ label($0, entryScope.field("name")) }),
                    let namespace = gateway["namespace"].flatMap({ label($0, entryScope.field("namespace")) })
                else {
                    error(entry, "\(entryScope.selfField) needs both 'name' and 'namespace'")
                    continue
                }
                let sectionName = gateway["sectionName"].flatMap { label($0, entryScope.field("sectionName")) }
                exposure.gateways[level] = ExposureSettings.GatewayReference(
                    name: name, namespace: namespace, sectionName: sectionName)
            }
        }
        return exposure
    }

    /// The `internal:` and `external:` entries of `classes` or `gateways` (`table`).
    private mutating func exposureLevels(
        _ node: YAMLNode, _ scope: ConfigScope, table: ConfigTable
    ) -> [(Exposure, YAMLNode, ConfigScope)] {
        guard let pairs = mapping(node, scope.selfField) else { return [] }
        var levels: [(Exposure, YAMLNode, ConfigScope)] = []
        for pair in pairs {
            if table.names.contains(pair.keyText), let level = Exposure(rawValue: pair.keyText) {
                levels.append((level, pair.value, scope.nested(pair.keyText)))
            } else {
                unknownKey(pair, in: scope, allowed: table.names)
            }
        }
        return levels
    }

    mutating func decodeStorage(_ node: YAMLNode) -> StorageSettings? {
        let scope = ConfigScope.root.nested("storage")
        guard let values = fields(node, scope, allowed: ConfigKeys.storage.names) else { return nil }
        var storage = StorageSettings()
        let configScope = scope.nested("config")
        if let value = values["config"],
            let config = fields(value, configScope, allowed: ConfigKeys.storageConfig.names)
        {
            if let node = config["claimNames"],
                let naming = choice(node, configScope.field("claimNames"), as: ClaimNaming.self)
            {
                storage.config.claimNames = naming
            }
            storage.config.storageClass = config["storageClass"].flatMap {
                label($0, configScope.field("storageClass"))
            }
            if let node = config["size"], let size = quantity(node, configScope.field("size")) {
                storage.config.size = size
            }
        }
        if let value = values["volumes"], let volumePairs = mapping(value, scope.field("volumes")) {
            for volumePair in volumePairs {
                if let problem = DNSLabel.problem(with: volumePair.keyText) {
                    error(
                        volumePair.key,
                        "volume '\(volumePair.keyText)' must have a DNS-1123 label as its name: \(problem)")
                    continue
                }
                let volumeScope = scope.nested("volumes").nested(volumePair.keyText)
                if let volume = decodeVolume(volumePair.value, volumeScope) {
                    storage.volumes[volumePair.keyText] = volume
                }
            }
        }
        if let value = values["media"] { decodeMedia(value, scope.nested("media"), into: &storage) }
        return storage
    }

    /// `media: VOLUME` or `media: {volume: VOLUME, path: /data}`.
    private mutating func decodeMedia(_ node: YAMLNode, _ scope: ConfigScope, into storage: inout StorageSettings) {
        var volumeNode = node
        if node.pairs != nil {
            guard let values = fields(node, scope, allowed: ConfigKeys.media.names) else { return }
            if let pathNode = values["path"], let path = absolutePath(pathNode, scope.field("path")) {
                storage.mediaPath = path
            }
            guard let volume = values["volume"] else {
                error(node, "\(scope.selfField) needs a 'volume'")
                return
            }
            volumeNode = volume
        }
        guard let media = label(volumeNode, scope.selfField) else { return }
        if storage.volumes[media] == nil {
            undefinedVolume(media, at: volumeNode, field: scope.selfField, volumes: storage.volumes)
        } else {
            storage.media = media
        }
    }

    /// Records a reference to a volume that `storage.volumes` does not define.
    mutating func undefinedVolume(
        _ name: String, at node: YAMLNode, field: @autoclosure () -> String, volumes: [String: SharedVolume]
    ) {
        var message = "\(field()) names volume '\(name)', which 'storage.volumes' does not define"
        if let suggestion = NameSuggestion.nearest(to: name, in: volumes.keys.sorted()) {
            message += "; did you mean '\(suggestion)'?"
        }
        error(node, message)
    }

    private mutating func decodeVolume(_ node: YAMLNode, _ scope: ConfigScope) -> SharedVolume? {
        let kinds = ConfigKeys.volume.names
        guard let values = fields(node, scope, allowed: kinds) else { return nil }
        guard values.count == 1, let (kind, value) = values.first else {
            if node.pairs?.contains(where: { !kinds.contains($0.keyText) }) != true {
                let found = kinds.filter { values[$0] != nil }.map { "'\($0)'" }.joined(separator: " and ")
                error(
                    node,
                    "expected exactly one of 'nfs', 'pvc' or 'existingClaim' for \(scope.selfField), found \(found.isEmpty ? "none" : found)"
                )
            }
            return nil
        }
        let kindScope = scope.nested(kind)
        switch kind {
        case "existingClaim":
            return label(value, scope.field("existingClaim")).map(SharedVolume.existingClaim)
        case "nfs":
            guard let nfs = fields(value, kindScope, allowed: ConfigKeys.nfs.names) else { return nil }
            let server = nfs["server"].flatMap { string($0, kindScope.field("server")) }
            let path = nfs["path"].flatMap { absolutePath($0, kindScope.field("path"), allowsRoot: true) }
            if let server, !IPAddressText.isValid(server), let problem = DNSName.problem(with: server) {
                error(
                    nfs["server"] ?? value,
                    "\(kindScope.field("server")) must be a host name or an IP address, found '\(server)': \(problem)")
                return nil
            }
            guard let server, let path else {
                // A value that is there but invalid has its own error.
                if nfs["server"]?.isNull ?? true || nfs["path"]?.isNull ?? true {
                    error(value, "\(scope.field("nfs")) needs both 'server' and 'path'")
                }
                return nil
            }
            return .nfs(server: server, path: path)
        default:
            guard let pvc = fields(value, kindScope, allowed: ConfigKeys.pvc.names) else {
                return nil
            }
            let storageClass = pvc["storageClass"].flatMap { label($0, kindScope.field("storageClass")) }
            let accessMode = pvc["accessMode"].flatMap {
                choice($0, kindScope.field("accessMode"), as: SharedVolume.AccessMode.self)
            }
            guard let size = pvc["size"].flatMap({ quantity($0, kindScope.field("size")) }) else {
                error(value, "\(scope.field("pvc")) needs a 'size', such as '1Ti'")
                return nil
            }
            return .pvc(storageClass: storageClass, size: size, accessMode: accessMode ?? .readWriteMany)
        }
    }

    mutating func decodeBackups(_ node: YAMLNode) -> BackupSettings? {
        let scope = ConfigScope.root.nested("backups")
        let keys = ConfigKeys.backups.names
        guard let values = fields(node, scope, allowed: keys) else { return nil }
        var backups = BackupSettings()
        if let value = values["engine"],
            let engine = choice(value, scope.field("engine"), as: BackupSettings.Engine.self)
        {
            backups.engine = engine
        }
        if let value = values["schedule"], let schedule = string(value, scope.field("schedule")) {
            if let problem = CronSchedule.problem(with: schedule) {
                error(
                    value,
                    "expected a cron schedule with five fields, such as '0 3 * * *', for \(scope.field("schedule")), "
                        + "found '\(schedule)': \(problem)")
            } else {
                backups.schedule = schedule
            }
        }
        let retentionScope = scope.nested("retention")
        if let value = values["retention"],
            let retention = fields(value, retentionScope, allowed: ConfigKeys.retention.names)
        {
            let counts = 0...1000
            if let node = retention["daily"], let count = integer(node, retentionScope.field("daily"), in: counts) {
                backups.retention.daily = count
            }
            if let node = retention["weekly"], let count = integer(node, retentionScope.field("weekly"), in: counts) {
                backups.retention.weekly = count
            }
            if let node = retention["monthly"], let count = integer(node, retentionScope.field("monthly"), in: counts) {
                backups.retention.monthly = count
            }
        }
        let repositoryScope = scope.nested("repository")
        if let value = values["repository"],
            let repository = fields(value, repositoryScope, allowed: ConfigKeys.backupRepository.names)
        {
            if let endpoint = repository["endpoint"].flatMap({ string($0, repositoryScope.field("endpoint")) }),
                let bucket = repository["bucket"].flatMap({ string($0, repositoryScope.field("bucket")) }),
                checkRepository(
                    endpoint: endpoint, bucket: bucket, nodes: repository, in: value, scope: repositoryScope)
            {
                backups.repository = BackupSettings.Repository(endpoint: endpoint, bucket: bucket)
            } else if repository["endpoint"] == nil || repository["bucket"] == nil {
                error(value, "\(repositoryScope.selfField) needs an 'endpoint' and a 'bucket'")
            }
        }
        let credentialsScope = scope.nested("credentials")
        if let value = values["credentials"],
            let credentials = fields(value, credentialsScope, allowed: ConfigKeys.backupCredentials.names),
            let sourceNode = credentials["externalSecret"]
        {
            let sourceScope = credentialsScope.nested("externalSecret")
            if let source = fields(sourceNode, sourceScope, allowed: ConfigKeys.backupSecret.names) {
                if let store = source["store"].flatMap({ label($0, sourceScope.field("store")) }),
                    let key = source["key"].flatMap({ string($0, sourceScope.field("key")) })
                {
                    backups.credentials = BackupSettings.Credentials(store: store, key: key)
                } else if source["store"] == nil || source["key"] == nil {
                    error(sourceNode, "\(sourceScope.selfField) needs a 'store' and a 'key'")
                }
            }
        }
        if let value = values["copyMethod"],
            let method = choice(value, scope.field("copyMethod"), as: BackupSettings.CopyMethod.self)
        {
            backups.copyMethod = method
        }
        if backups.engine != .none, backups.repository == nil, values["repository"] == nil {
            error(
                values["engine"] ?? node,
                "\(scope.field("engine")) '\(backups.engine.rawValue)' needs 'backups.repository' with the S3 "
                    + "'endpoint' and 'bucket' that hold the restic repositories")
        }
        return backups
    }

    /// Whether the S3 `endpoint` (`https://host[:port]`, or `host[:port]`) and `bucket` (S3's naming rules) make
    /// a restic URL `s3:<endpoint>/<bucket>/<app>`; records an error at the value that breaks it. A
    /// `${VARIABLE}` is taken as Flux will fill it in.
    private mutating func checkRepository(
        endpoint: String, bucket: String, nodes: [String: YAMLNode], in mapping: YAMLNode, scope: ConfigScope
    ) -> Bool {
        var valid = true
        if let problem = Self.endpointProblem(endpoint) {
            error(
                nodes["endpoint"] ?? mapping,
                "expected an S3 endpoint such as 'https://s3.example.org' for \(scope.field("endpoint")), found "
                    + "'\(endpoint)': \(problem)")
            valid = false
        }
        if !DNSName.isSubstitution(Substring(bucket)), let problem = Self.bucketProblem(bucket) {
            error(
                nodes["bucket"] ?? mapping,
                "expected an S3 bucket name for \(scope.field("bucket")), found '\(bucket)': \(problem)")
            valid = false
        }
        return valid
    }

    /// Why `endpoint` is no S3 endpoint, or nil.
    static func endpointProblem(_ endpoint: String) -> String? {
        if let bad = endpoint.unicodeScalars.first(where: { $0.isControlCharacter || $0 == " " }) {
            return "it contains \(bad == " " ? "a space" : "the control character \(bad.codePoint)")"
        }
        if endpoint.contains("${") { return nil }
        var rest = Substring(endpoint)
        for scheme in ["https://", "http://"] where rest.hasPrefix(scheme) { rest = rest.dropFirst(scheme.count) }
        if rest.contains("/") { return "give the server only; the bucket and the app's folder follow it" }
        var host = rest
        if let colon = rest.lastIndex(of: ":"), !rest.hasSuffix("]") {
            let port = rest[rest.index(after: colon)...]
            guard port.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }), port.count <= 5, let number = Int(port),
                (1...65_535).contains(number)
            else { return "its port is no number from 1 to 65535" }
            host = rest[..<colon]
        }
        if host.hasPrefix("["), host.hasSuffix("]"), IPAddressText.isValid(String(host.dropFirst().dropLast())) {
            return nil
        }
        if IPAddressText.isValid(String(host)) { return nil }
        return DNSName.problem(with: String(host)).map { "its host is no DNS name: \($0)" }
    }

    /// S3's bucket naming rules: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a
    /// letter or digit.
    static func bucketProblem(_ bucket: String) -> String? {
        let scalars = Array(bucket.unicodeScalars)
        let isAlphanumeric: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        guard (3...63).contains(scalars.count) else { return "it must have 3 to 63 characters" }
        guard scalars.allSatisfy({ isAlphanumeric($0) || $0 == "." || $0 == "-" }) else {
            return "it may contain only lowercase letters, digits, '.' and '-'"
        }
        guard let first = scalars.first, let last = scalars.last, isAlphanumeric(first), isAlphanumeric(last) else {
            return "it must start and end with a letter or digit"
        }
        return nil
    }

    mutating func decodeMonitoring(_ node: YAMLNode) -> MonitoringSettings? {
        let scope = ConfigScope.root.nested("monitoring")
        let keys = ConfigKeys.monitoring.names
        guard let values = fields(node, scope, allowed: keys) else { return nil }
        var monitoring = MonitoringSettings()
        if let value = values["gatus"],
            let mode = choice(value, scope.field("gatus"), as: MonitoringSettings.GatusMode.self)
        {
            monitoring.gatus = mode
        }
        if let value = values["serviceMonitors"], let flag = bool(value, scope.field("serviceMonitors")) {
            monitoring.serviceMonitors = flag
        }
        if let value = values["alerts"], let flag = bool(value, scope.field("alerts")) { monitoring.alerts = flag }
        if let value = values["ingressController"],
            let controller = choice(
                value, scope.field("ingressController"), as: MonitoringSettings.IngressController.self)
        {
            monitoring.ingressController = controller
        }
        return monitoring
    }

    /// `networkPolicies: true`, `false` or `{ingressNamespace, monitoringNamespace}`.
    mutating func decodeNetworkPolicies(_ node: YAMLNode) -> NetworkPolicySettings? {
        let scope = ConfigScope.root.nested("networkPolicies")
        guard let values = switchOrFields(node, scope, allowed: ConfigKeys.networkPolicies.names) else {
            return nil
        }
        var settings = NetworkPolicySettings()
        if let node = values["ingressNamespace"], let namespace = label(node, scope.field("ingressNamespace")) {
            settings.ingressNamespace = namespace
        }
        if let node = values["monitoringNamespace"], let namespace = label(node, scope.field("monitoringNamespace")) {
            settings.monitoringNamespace = namespace
        }
        return settings
    }
}
