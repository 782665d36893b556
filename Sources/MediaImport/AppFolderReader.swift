import MediaKit
import MediaYAML

/// Reads one app folder (`<appsDir>/<ns>/<app>/` with `ks.yaml` or `ks.dis` and `app/kustomization.yaml`) into a
/// ``HandWrittenApp``, or says why mediactl cannot take it over. It accepts what it can reproduce exactly and
/// refuses the rest: a setting it does not recognise is a reason to leave the app as it is, never something to
/// drop.
struct AppFolderReader {
    /// The Flux Kustomization keys a `ks.yaml` may have: mediactl writes the same objects and settings.
    static let fluxKeys: Set<String> = [
        "commonMetadata", "components", "dependsOn", "interval", "path", "postBuild", "prune", "retryInterval",
        "sourceRef",
        "targetNamespace", "timeout", "wait",
    ]
    /// `ks.yaml` keys whose values mediactl sets its own way; they differ only in timing.
    static let fluxTimingKeys = ["interval", "retryInterval", "timeout", "wait"]
    /// The HelmRelease `spec` keys import accepts: the chart, the values, and settings of how Helm runs, which
    /// mediactl writes its own way.
    static let releaseKeys: Set<String> = [
        "chart", "chartRef", "driftDetection", "install", "interval", "maxHistory", "rollback", "test", "timeout",
        "uninstall", "upgrade", "values", "valuesFrom",
    ]
    /// The OCI addresses of the app-template chart (bjw-s-labs/helm-charts README; the older `bjw-s` one).
    static let chartURLs: Set<String> = [
        "oci://ghcr.io/bjw-s-labs/helm/app-template", "oci://ghcr.io/bjw-s/helm/app-template",
    ]

    /// The folder of namespaces.
    let appsDir: String
    /// The namespace folder's name.
    let namespace: String
    /// The app folder's name.
    let name: String
    /// The namespace the app's Flux Kustomization lands in: the namespace folder's `kustomization.yaml` sets it
    /// (`namespace:`), else its own `metadata.namespace`.
    let kustomizationNamespace: String?

    /// `<appsDir>/<namespace>/<name>`.
    var folder: String { "\(appsDir)/\(namespace)/\(name)" }

    /// Reads the app, or throws the reasons it stays hand-written. YAML errors go to `reader.errors`.
    func read(_ reader: inout ManifestReader) throws(AppRefusal) -> HandWrittenApp {
        let enabledPath = folder + "/ks.yaml"
        let disabledPath = folder + "/ks.dis"
        let hasEnabled = reader.source.files[enabledPath] != nil || reader.source.unreadable[enabledPath] != nil
        let hasDisabled = reader.source.files[disabledPath] != nil || reader.source.unreadable[disabledPath] != nil
        if hasEnabled, hasDisabled {
            throw AppRefusal(
                path: disabledPath, at: nil, "the app has both 'ks.yaml' and 'ks.dis'; keep the one that says what runs"
            )
        }
        let fluxPath = hasEnabled ? enabledPath : disabledPath
        try refuseUnreadable(below: folder, reader.source)
        guard let fluxDocuments = reader.documents(fluxPath) else { throw AppRefusal([]) }
        let flux = try fluxKustomization(fluxDocuments, path: fluxPath)
        let spec = flux.node["spec"]

        // Where it applies from and to.
        let expectedPath = "./\(folder)/app"
        let path = spec?["path"]?.text.map(Self.normalizedFluxPath)
        guard path == expectedPath else {
            throw AppRefusal(
                path: fluxPath, at: spec?["path"]?.position ?? flux.node.position,
                "spec.path is '\(spec?["path"]?.text ?? "")'; mediactl applies '\(expectedPath)' and cannot point "
                    + "an app elsewhere")
        }
        guard flux.name == name else {
            throw AppRefusal(
                path: fluxPath, at: flux.node[path: "metadata", "name"]?.position ?? flux.node.position,
                "the Kustomization is named '\(flux.name ?? "")'; mediactl names it after its folder '\(name)', and "
                    + "renaming it would let Flux prune what the old one applied")
        }
        guard let fluxNamespace = kustomizationNamespace ?? flux.namespace else {
            throw AppRefusal(
                path: fluxPath, at: flux.node["metadata"]?.position ?? flux.node.position,
                "the Kustomization names no namespace, and its namespace folder's kustomization.yaml sets none: a "
                    + "parent decides where it lives, and mediactl would put it in '\(namespace)', which lets Flux "
                    + "prune what the old one applied; name the namespace in metadata.namespace")
        }
        if fluxNamespace != namespace {
            throw AppRefusal(
                path: fluxPath, at: flux.node[path: "metadata", "namespace"]?.position ?? flux.node.position,
                "the Kustomization lives in namespace '\(fluxNamespace)'; mediactl puts it in the app's namespace "
                    + "'\(namespace)', and moving it would let Flux prune what the old one applied")
        }
        let target = spec?["targetNamespace"]
        guard target?.text == namespace else {
            throw AppRefusal(
                path: fluxPath, at: target?.position ?? spec?.position ?? flux.node.position,
                "spec.targetNamespace is '\(target?.text ?? "")'; mediactl sets the namespace folder's name "
                    + "'\(namespace)'")
        }
        if let prune = spec?["prune"], !prune.isBoolean(true) {
            throw AppRefusal(
                path: fluxPath, at: prune.position, "spec.prune is not true; mediactl's Kustomizations prune")
        }
        if let metadata = spec?["commonMetadata"] {
            let labels = metadata["labels"]
            let onlyName =
                metadata.keys == ["labels"] && labels?.keys == ["app.kubernetes.io/name"]
                && labels?["app.kubernetes.io/name"]?.text == name
            if !onlyName {
                throw AppRefusal(
                    path: fluxPath, at: metadata.position,
                    "spec.commonMetadata sets more than the label 'app.kubernetes.io/name: \(name)', which is all "
                        + "mediactl writes there")
            }
        }
        let dependsOn = try dependencies(spec?["dependsOn"], path: fluxPath)
        let components = try components(spec?["components"], from: folder + "/app", path: fluxPath)
        let (substituteFrom, substitute) = try postBuild(spec?["postBuild"], path: fluxPath)
        let source = try sourceReference(spec?["sourceRef"], path: fluxPath, at: spec ?? flux.node)
        let fluxDefaults = Self.fluxTimingKeys.filter { spec?[$0] != nil }

        // The app folder.
        let kustomizationPath = folder + "/app/kustomization.yaml"
        guard reader.exists(kustomizationPath) else {
            throw AppRefusal(path: folder + "/app", at: nil, "the app folder has no 'kustomization.yaml'")
        }
        guard let kustomizationDocuments = reader.documents(kustomizationPath) else { throw AppRefusal([]) }
        guard kustomizationDocuments.count == 1, let kustomization = kustomizationDocuments.first,
            kustomization.isKind("Kustomization", of: "kustomize.config.k8s.io")
        else {
            throw AppRefusal(
                path: kustomizationPath, at: kustomizationDocuments.first?.node.position,
                "expected one kustomize Kustomization (kustomize.config.k8s.io)")
        }
        let resources = try listedFiles(kustomization, reader: reader)
        let generated = try generatedConfigMaps(kustomization, reader: reader)

        var documents: [String: [ManifestDocument]] = [:]
        var substituted: Set<String> = []
        for resource in resources {
            let path = folder + "/app/" + resource
            guard var fileDocuments = reader.documents(path) else { throw AppRefusal([]) }
            if !substitute.isEmpty {
                let before = fileDocuments.map(\.node)
                fileDocuments = fileDocuments.map { document in
                    var document = document
                    if document.node[path: "metadata", "annotations", "kustomize.toolkit.fluxcd.io/substitute"]?
                        .text != "disabled"
                    {
                        document.node = Substitution(variables: substitute).apply(to: document.node)
                    }
                    return document
                }
                if fileDocuments.map(\.node) != before { substituted.insert(path) }
            }
            documents[path] = fileDocuments
        }
        let all = documents.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.flatMap { documents[$0] ?? [] }
        let releases = all.filter { $0.isKind("HelmRelease", of: "helm.toolkit.fluxcd.io") }
        guard releases.count == 1, let release = releases.first else {
            throw AppRefusal(
                path: kustomizationPath, at: kustomization.node.position,
                releases.isEmpty
                    ? "the app folder holds no HelmRelease; mediactl renders app-template releases only"
                    : "the app folder holds \(releases.count) HelmReleases; mediactl renders one per app")
        }
        try checkRelease(release)
        let (chartVersion, chartSource, chartSourceFiles) = try chart(of: release, among: all)
        var (values, valuesFiles) = try effectiveValues(
            of: release, generated: generated, among: all, reader: &reader)
        if !substitute.isEmpty { values = Substitution(variables: substitute).apply(to: values) }

        return HandWrittenApp(
            name: name, namespace: namespace, appsDir: appsDir, folder: folder, enabled: hasEnabled,
            fluxFile: fluxPath, dependsOn: dependsOn, components: components, substituteFrom: substituteFrom,
            source: source,
            substitute: substitute, substitutedFiles: substituted, resources: resources, documents: documents,
            release: release, values: values,
            valuesFiles: valuesFiles, chartVersion: chartVersion, chartSource: chartSource,
            chartSourceFiles: chartSourceFiles, claims: try claims(all), secrets: secrets(all),
            fluxDefaults: fluxDefaults)
    }

    // MARK: ks.yaml

    /// A link or an unreadable file anywhere in the app folder: mediactl neither follows nor replaces links.
    private func refuseUnreadable(below folder: String, _ source: ImportSource) throws(AppRefusal) {
        let problems = source.unreadable.filter { $0.key.hasPrefix(folder + "/") }
            .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        guard !problems.isEmpty else { return }
        throw AppRefusal(
            problems.map { ImportDiagnostic(path: $0.key, .error(at: nil, "\($0.value); the app stays as it is")) })
    }

    private func fluxKustomization(
        _ documents: [ManifestDocument], path: String
    ) throws(AppRefusal)
        -> ManifestDocument
    {
        let kustomizations = documents.filter { $0.isKind("Kustomization", of: "kustomize.toolkit.fluxcd.io") }
        guard documents.count == 1, kustomizations.count == 1, let flux = kustomizations.first else {
            throw AppRefusal(
                path: path, at: documents.dropFirst().first?.node.position ?? documents.first?.node.position,
                "expected exactly one Flux Kustomization (kustomize.toolkit.fluxcd.io), found "
                    + "\(documents.count) document\(documents.count == 1 ? "" : "s")")
        }
        guard flux.apiVersion == "kustomize.toolkit.fluxcd.io/v1" else {
            throw AppRefusal(
                path: path, at: flux.node["apiVersion"]?.position,
                "apiVersion '\(flux.apiVersion)'; mediactl writes kustomize.toolkit.fluxcd.io/v1")
        }
        if let spec = flux.node["spec"] {
            var reasons: [ImportDiagnostic] = []
            for pair in spec.pairs ?? [] where !Self.fluxKeys.contains(pair.keyText) {
                reasons.append(
                    ImportDiagnostic(
                        path: path,
                        .error(
                            at: pair.key.position,
                            "spec.\(pair.keyText) is a Kustomization setting mediactl does not write"
                                + Self.fluxKeyAdvice(pair.keyText))))
            }
            if !reasons.isEmpty { throw AppRefusal(reasons) }
        }
        return flux
    }

    private static func fluxKeyAdvice(_ key: String) -> String {
        switch key {
        case "decryption": "; let a parent Kustomization patch decryption in"
        case "suspend": "; resume it or leave it hand-written"
        default: ""
        }
    }

    /// `./kubernetes/apps/x/app/` → `./kubernetes/apps/x/app`; a path without `./` gets one.
    static func normalizedFluxPath(_ path: String) -> String {
        var path = path
        while path.hasSuffix("/") { path.removeLast() }
        return path.hasPrefix("./") ? path : "./" + path
    }

    private func dependencies(_ node: YAMLNode?, path: String) throws(AppRefusal) -> [HandWrittenApp.Dependency] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.items else {
            throw AppRefusal(path: path, at: node.position, "spec.dependsOn is not a list")
        }
        var result: [HandWrittenApp.Dependency] = []
        for item in items {
            guard let name = item["name"]?.text, item.keys.allSatisfy({ $0 == "name" || $0 == "namespace" }),
                DNSLabel.problem(with: name) == nil
            else {
                throw AppRefusal(
                    path: path, at: item.position,
                    "a spec.dependsOn entry mediactl cannot write; it takes 'name' "
                        + "and 'namespace'")
            }
            result.append(HandWrittenApp.Dependency(name: name, namespace: item["namespace"]?.text))
        }
        return result
    }

    /// `spec.components` as paths from the repository root: each entry is relative to the Kustomization's path,
    /// the app folder `appFolder`, and must lead to a folder inside the repository that `components` accepts.
    private func components(_ node: YAMLNode?, from appFolder: String, path: String) throws(AppRefusal) -> [String] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.items else {
            throw AppRefusal(path: path, at: node.position, "spec.components is not a list")
        }
        var result: [String] = []
        for item in items {
            guard let text = item.text else {
                throw AppRefusal(path: path, at: item.position, "a spec.components entry is not a path")
            }
            var names = appFolder.split(separator: "/").map(String.init)
            var escapes = text.hasPrefix("/")
            for name in text.split(separator: "/") where name != "." {
                if name != ".." {
                    names.append(String(name))
                } else if names.popLast() == nil {
                    escapes = true
                }
            }
            let target = names.joined(separator: "/")
            if escapes || target.isEmpty || RelativePath.problem(with: target, inside: .repository) != nil {
                throw AppRefusal(
                    path: path, at: item.position,
                    "the component '\(text)' does not lead to a folder inside the repository; mediactl writes "
                        + "components by their path from the repository root")
            }
            result.append(target)
        }
        return result
    }

    private func postBuild(_ node: YAMLNode?, path: String) throws(AppRefusal) -> ([String]?, [String: String]) {
        guard let node, !node.isNull else { return (nil, [:]) }
        if let other = node.pairs?.first(where: { $0.keyText != "substituteFrom" && $0.keyText != "substitute" }) {
            throw AppRefusal(
                path: path, at: other.key.position, "spec.postBuild.\(other.keyText) is not something mediactl writes")
        }
        var secrets: [String]?
        if let from = node["substituteFrom"] {
            var names: [String] = []
            for item in from.items ?? [] {
                guard item["kind"]?.text == "Secret", let name = item["name"]?.text,
                    item["optional"].map({ $0.isBoolean(false) }) ?? true,
                    item.keys.allSatisfy({ ["kind", "name", "optional"].contains($0) })
                else {
                    throw AppRefusal(
                        path: path, at: item.position,
                        "a postBuild.substituteFrom entry other than a required Secret; mediactl substitutes from "
                            + "Secrets (repo.substituteFrom)")
                }
                names.append(name)
            }
            secrets = names
        }
        var substitute: [String: String] = [:]
        for pair in node["substitute"]?.pairs ?? [] {
            guard let text = pair.value.scalar?.text else {
                throw AppRefusal(path: path, at: pair.value.position, "postBuild.substitute values are strings")
            }
            substitute[pair.keyText] = text
        }
        return (secrets, substitute)
    }

    private func sourceReference(
        _ node: YAMLNode?, path: String, at parent: YAMLNode
    ) throws(AppRefusal)
        -> FluxSourceReference
    {
        guard let node, let kindText = node["kind"]?.text, let kind = FluxSourceReference.Kind(rawValue: kindText),
            let name = node["name"]?.text
        else {
            throw AppRefusal(
                path: path, at: node?.position ?? parent.position,
                "spec.sourceRef needs a kind mediactl writes (GitRepository, OCIRepository, Bucket) and a name")
        }
        var source = FluxSourceReference()
        source.kind = kind
        source.name = name
        // Flux looks an unnamespaced source up in the Kustomization's own namespace.
        source.namespace = node["namespace"]?.text ?? namespace
        return source
    }

    // MARK: app/kustomization.yaml

    /// The kustomize keys import understands: resources, and a generator of the ConfigMap that holds values.
    private static let kustomizeKeys: Set<String> = [
        "apiVersion", "kind", "resources", "configMapGenerator", "generatorOptions",
    ]

    private func listedFiles(_ kustomization: ManifestDocument, reader: ManifestReader) throws(AppRefusal) -> [String] {
        var reasons: [ImportDiagnostic] = []
        for pair in kustomization.node.pairs ?? [] where !Self.kustomizeKeys.contains(pair.keyText) {
            reasons.append(
                kustomization.problem(
                    "'\(pair.keyText)' is a kustomize setting mediactl does not write in an app folder",
                    at: pair.key))
        }
        var files: [String] = []
        for item in kustomization.node["resources"]?.items ?? [] {
            guard let entry = item.text, let relative = Self.plainRelative(entry) else {
                reasons.append(
                    kustomization.problem(
                        "resource '\(item.text ?? item.summary)' is not a file inside the app folder", at: item))
                continue
            }
            let path = folder + "/app/" + relative
            if reader.source.unreadable[path] != nil || reader.exists(path) {
                files.append(relative)
            } else {
                let isFolder = reader.source.folders.contains(path)
                reasons.append(
                    kustomization.problem(
                        isFolder
                            ? "resource '\(entry)' is a folder; mediactl lists files"
                            : "resource '\(entry)' does not exist", at: item))
            }
        }
        if !reasons.isEmpty { throw AppRefusal(reasons) }
        return files
    }

    /// `x.yaml`, `./x.yaml`, `sub/x.yaml`; nil for absolute paths, `..`, URLs and empty parts.
    static func plainRelative(_ entry: String) -> String? {
        var text = Substring(entry)
        while text.hasPrefix("./") { text = text.dropFirst(2) }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard !text.isEmpty, !text.hasPrefix("/"), !text.contains(":"),
            parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
        else { return nil }
        return String(text)
    }

    /// The ConfigMaps `configMapGenerator` makes from files, by name: each key and the file it reads.
    private func generatedConfigMaps(
        _ kustomization: ManifestDocument, reader: ManifestReader
    ) throws(AppRefusal)
        -> [String: (node: YAMLNode, files: [String: String])]
    {
        guard let generators = kustomization.node["configMapGenerator"]?.items else { return [:] }
        let options = kustomization.node["generatorOptions"]
        if let options,
            options.keys.contains(where: { $0 != "disableNameSuffixHash" && $0 != "annotations" })
                || options["disableNameSuffixHash"].map({ !$0.isBoolean(true) }) == true
        {
            throw AppRefusal(
                path: kustomization.path, at: options.position,
                "generatorOptions other than 'disableNameSuffixHash: true'; the HelmRelease names its values "
                    + "ConfigMap, so its name must not change")
        }
        var result: [String: (node: YAMLNode, files: [String: String])] = [:]
        for generator in generators {
            guard let name = generator["name"]?.text,
                generator.keys.allSatisfy({ ["name", "files", "options"].contains($0) }),
                options?["disableNameSuffixHash"]?.isBoolean(true) == true
                    || generator[path: "options", "disableNameSuffixHash"]?.isBoolean(true) == true
            else {
                throw AppRefusal(
                    path: kustomization.path, at: generator.position,
                    "a configMapGenerator entry import cannot read: it takes 'name', 'files' and "
                        + "'disableNameSuffixHash: true'")
            }
            var files: [String: String] = [:]
            for item in generator["files"]?.items ?? [] {
                guard let entry = item.text else { continue }
                let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
                let file = parts.count == 2 ? parts[1] : parts[0]
                let key = parts.count == 2 ? parts[0] : String(file.split(separator: "/").last ?? "")
                guard let relative = Self.plainRelative(file), reader.exists(folder + "/app/" + relative) else {
                    throw AppRefusal(
                        path: kustomization.path, at: item.position,
                        "generator file '\(file)' is not a readable file inside the app folder")
                }
                files[key] = folder + "/app/" + relative
            }
            result[name] = (generator, files)
        }
        return result
    }

    // MARK: HelmRelease

    private func checkRelease(_ release: ManifestDocument) throws(AppRefusal) {
        guard release.apiVersion == "helm.toolkit.fluxcd.io/v2" else {
            throw AppRefusal(
                path: release.path, at: release.node["apiVersion"]?.position,
                "apiVersion '\(release.apiVersion)'; mediactl writes helm.toolkit.fluxcd.io/v2")
        }
        guard release.name == name else {
            throw AppRefusal(
                path: release.path, at: release.node[path: "metadata", "name"]?.position ?? release.node.position,
                "the HelmRelease is named '\(release.name ?? "")'; mediactl names it '\(name)', and a new name "
                    + "would uninstall the old release")
        }
        if let namespace = release.namespace, namespace != self.namespace {
            throw AppRefusal(
                path: release.path, at: release.node[path: "metadata", "namespace"]?.position,
                "the HelmRelease names namespace '\(namespace)'; the app's namespace is '\(self.namespace)'")
        }
        var reasons: [ImportDiagnostic] = []
        for pair in release.node["spec"]?.pairs ?? [] where !Self.releaseKeys.contains(pair.keyText) {
            reasons.append(
                release.problem(
                    "spec.\(pair.keyText) is a HelmRelease setting mediactl does not write", at: pair.key))
        }
        if !reasons.isEmpty { throw AppRefusal(reasons) }
    }

    /// The chart version, where the chart comes from, and the files of its source in the app folder.
    private func chart(
        of release: ManifestDocument, among documents: [ManifestDocument]
    ) throws(AppRefusal)
        -> (String, ChartSettings.Source, [String])
    {
        let spec = release.node["spec"]
        if let reference = spec?["chartRef"] {
            guard reference["kind"]?.text == "OCIRepository", let sourceName = reference["name"]?.text,
                (reference["namespace"]?.text ?? namespace) == namespace
            else {
                throw AppRefusal(
                    path: release.path, at: reference.position,
                    "spec.chartRef must name an OCIRepository of the app folder")
            }
            let sources = documents.filter {
                $0.isKind("OCIRepository", of: "source.toolkit.fluxcd.io") && $0.name == sourceName
            }
            guard let source = sources.first else {
                throw AppRefusal(
                    path: release.path, at: reference.position,
                    "OCIRepository '\(sourceName)' is not in the app folder, so its chart version is unknown here")
            }
            guard let url = source.node[path: "spec", "url"]?.text, Self.chartURLs.contains(url),
                let tag = source.node[path: "spec", "ref", "tag"]?.text
            else {
                throw AppRefusal(
                    path: source.path, at: source.node["spec"]?.position ?? source.node.position,
                    "the OCIRepository is not the app-template chart pinned by a tag")
            }
            return (tag, .oci, [source.path])
        }
        guard let chart = spec?[path: "chart", "spec"], chart["chart"]?.text == "app-template",
            let version = chart["version"]?.text, chart[path: "sourceRef", "kind"]?.text == "HelmRepository"
        else {
            throw AppRefusal(
                path: release.path, at: spec?["chart"]?.position ?? release.node.position,
                "the HelmRelease does not install the app-template chart from an OCIRepository or a HelmRepository")
        }
        let sourceName = chart[path: "sourceRef", "name"]?.text
        let files = documents.filter {
            $0.isKind("HelmRepository", of: "source.toolkit.fluxcd.io") && $0.name == sourceName
        }.map(\.path)
        return (version, .helmRepository, files)
    }

    /// The values the chart gets: each `valuesFrom` ConfigMap's values in order, then `spec.values`.
    private func effectiveValues(
        of release: ManifestDocument, generated: [String: (node: YAMLNode, files: [String: String])],
        among documents: [ManifestDocument], reader: inout ManifestReader
    ) throws(AppRefusal) -> (YAMLNode, [String]) {
        let spec = release.node["spec"]
        var values = YAMLNode.mapping([], at: spec?.position ?? release.node.position)
        var files: [String] = []
        for item in spec?["valuesFrom"]?.items ?? [] {
            let key = item["valuesKey"]?.text ?? "values.yaml"
            guard item["kind"]?.text == "ConfigMap", let name = item["name"]?.text,
                item.keys.allSatisfy({ ["kind", "name", "valuesKey", "optional"].contains($0) })
            else {
                throw AppRefusal(
                    path: release.path, at: item.position,
                    "a valuesFrom entry import cannot read: only whole ConfigMaps of the app folder (no "
                        + "targetPath, no Secrets)")
            }
            var source: YAMLNode?
            if let file = generated[name]?.files[key] {
                guard let parsed = reader.documents(file) else { throw AppRefusal([]) }
                guard parsed.count <= 1 else {
                    throw AppRefusal(path: file, at: parsed[1].node.position, "a values file holds one document")
                }
                source = parsed.first?.node ?? YAMLNode.mapping([], at: item.position)
                files.append(file)
            } else if let map = documents.first(where: { $0.isKind("ConfigMap", of: "") && $0.name == name }),
                let text = map.node[path: "data", key]?.text
            {
                let parsed = YAMLReader(mode: .manifests).readDocuments(Array(text.utf8))
                guard parsed.diagnostics.isEmpty, parsed.documents.count <= 1 else {
                    throw AppRefusal(
                        path: map.path, at: map.node[path: "data", key]?.position,
                        "the values in ConfigMap '\(name)' do not read as one YAML document")
                }
                // Positions inside the embedded text would point at the wrong lines of the file: use the key's.
                source = Self.relocated(parsed.documents.first, to: map.node[path: "data", key]?.position)
            }
            guard let source else {
                throw AppRefusal(
                    path: release.path, at: item.position,
                    "ConfigMap '\(name)' (key '\(key)') is not made in the app folder")
            }
            guard source.pairs != nil || source.isNull else {
                throw AppRefusal(path: release.path, at: item.position, "the values of '\(name)' are not a mapping")
            }
            values = ValueMerging.merge(values, source)
        }
        if let inline = spec?["values"], !inline.isNull {
            guard inline.pairs != nil else {
                throw AppRefusal(path: release.path, at: inline.position, "spec.values is not a mapping")
            }
            values = ValueMerging.merge(values, inline)
        }
        return (values, files)
    }

    private static func relocated(_ node: YAMLNode?, to position: SourcePosition?) -> YAMLNode? {
        guard let node, let position else { return node }
        switch node.content {
        case .scalar: return YAMLNode(node.content, at: position)
        case .sequence(let items):
            return YAMLNode(.sequence(items.compactMap { relocated($0, to: position) }), at: position)
        case .mapping(let pairs):
            return YAMLNode(
                .mapping(
                    pairs.map {
                        YAMLPair(
                            key: YAMLNode($0.key.content, at: position),
                            value: relocated($0.value, to: position) ?? $0.value)
                    }), at: position)
        }
    }

    // MARK: objects beside the release

    private func claims(_ documents: [ManifestDocument]) throws(AppRefusal) -> [String: HandWrittenApp.Claim] {
        var claims: [String: HandWrittenApp.Claim] = [:]
        for document in documents where document.isKind("PersistentVolumeClaim", of: "") {
            guard let name = document.name else { continue }
            let spec = document.node["spec"]
            let known: Set<String> = ["accessModes", "resources", "storageClassName"]
            var other = spec?.keys.filter { !known.contains($0) } ?? []
            if let resources = spec?["resources"],
                resources.keys != ["requests"]
                    || resources["requests"]?.keys != ["storage"]
            {
                other.append("resources")
            }
            claims[name] = HandWrittenApp.Claim(
                name: name, path: document.path, size: spec?[path: "resources", "requests", "storage"]?.text,
                accessModes: spec?["accessModes"]?.items?.compactMap(\.text) ?? [],
                storageClass: spec?["storageClassName"]?.text, otherFields: other, node: document.node)
        }
        return claims
    }

    private func secrets(_ documents: [ManifestDocument]) -> [String: HandWrittenApp.SecretKeys] {
        var secrets: [String: HandWrittenApp.SecretKeys] = [:]
        for document in documents {
            if document.isKind("ExternalSecret", of: "external-secrets.io") {
                let spec = document.node["spec"]
                let target = spec?[path: "target", "name"]?.text ?? document.name ?? ""
                let template = spec?[path: "target", "template"]
                let templated = template?["data"]?.keys ?? []
                let listed = spec?["data"]?.items?.compactMap { $0["secretKey"]?.text } ?? []
                let merges = template?["mergePolicy"]?.text == "Merge"
                let keys: [String]
                let complete: Bool
                if template != nil, template?["data"] != nil, !merges {
                    keys = templated
                    complete = template?["templateFrom"] == nil
                } else {
                    keys = templated + listed
                    complete = spec?["dataFrom"] == nil && template?["templateFrom"] == nil
                }
                secrets[target] = HandWrittenApp.SecretKeys(keys: keys, complete: complete)
            } else if document.isKind("Secret", of: ""), let name = document.name {
                // A SOPS file keeps its keys readable; only the values are encrypted, and import never decrypts them.
                let keys = (document.node["stringData"]?.keys ?? []) + (document.node["data"]?.keys ?? [])
                secrets[name] = HandWrittenApp.SecretKeys(keys: keys, complete: true)
            }
        }
        return secrets
    }
}
