import MediaKit
import MediaYAML

/// Translates one resolved app into its `ks.yaml` (or `ks.dis`) and the files of its `app/` folder.
struct AppTranslator {
    let app: ResolvedApp
    let stack: Stack
    /// The stack's network policies, when `networkPolicies` is on.
    let policies: NetworkPolicies?
    /// Whether an enabled app of the stack lists the others from their Ingresses and routes (Homepage).
    let listedOnDashboard: Bool

    /// `<appsDir>/<ns>/<app>`.
    var folder: String { "\(stack.repo.appsDir)/\(app.namespace)/\(app.name)" }

    func add(to layout: inout FluxLayout) {
        // Paths are joined from the app's folders, built once: an interpolation per file appended each piece
        // again, a third of the layout's time.
        let folder = self.folder
        let appFolder = folder + "/app/"
        let kustomization = FluxKustomization(
            name: app.name.rawValue, namespace: app.namespace, path: "./" + folder + "/app", source: stack.repo.source,
            dependsOn: app.dependsOn, components: app.components.map { Self.relative($0, from: appFolder) },
            wait: app.hasDependents,
            substituteFrom: stack.substitutionSecrets, substitute: app.substitute)
        layout.add(kustomization, at: folder + (app.enabled ? "/ks.yaml" : "/ks.dis"))
        var resources: [(file: String, manifest: any Manifest)]
        switch app.kind {
        case .workload: resources = workload()
        case .proxy(let proxy): resources = proxied(proxy)
        }
        for resource in resources { layout.add(resource.manifest, at: appFolder + resource.file) }
        let extra = app.extraResources.map { $0.hasPrefix("./") || $0.hasPrefix("../") ? $0 : "./" + $0 }
        let listed = resources.map { "./" + $0.file } + extra
        layout.add(KustomizationFile(namespace: nil, resources: listed), at: appFolder + "kustomization.yaml")
    }

    /// The repository path `target` as Flux reads a component: relative to the Kustomization's `path`, the
    /// folder `folder` (`kubernetes/components/volsync` from `kubernetes/apps/media/sonarr/app/` is
    /// `../../../../components/volsync`, as home-ops repositories write it).
    static func relative(_ target: String, from folder: String) -> String {
        let from = folder.split(separator: "/")
        let to = target.split(separator: "/")
        var shared = 0
        while shared < min(from.count, to.count - 1), from[shared] == to[shared] { shared += 1 }
        return String(repeating: "../", count: from.count - shared) + to[shared...].joined(separator: "/")
    }

    /// ExternalSecret, HelmRelease, chart source, config PVC and its backup, the discovery's ServiceAccount and
    /// cluster role, and the NetworkPolicy, in the order `kustomization.yaml` lists them.
    private func workload() -> [(file: String, manifest: any Manifest)] {
        let name = app.name.rawValue
        var files: [(file: String, manifest: any Manifest)] = []
        if let external = externalSecret() { files.append(("externalsecret.yaml", external)) }
        let values = AppTemplateValues(app: app, stack: stack, listedOnDashboard: listedOnDashboard)
        let overrides = app.values
        files.append(
            (
                "helmrelease.yaml",
                HelmRelease(name: name, chart: stack.chart) { values.yamlValue().merging(overrides) }
            ))
        switch stack.chart.source {
        case .oci: files.append(("ocirepository.yaml", OCIRepository(name: name, tag: stack.chart.version.rawValue)))
        case .helmRepository: files.append(("helmrepository.yaml", HelmRepository(name: name)))
        }
        if let config = app.configVolume {
            files.append(
                (
                    "pvc.yaml",
                    PersistentVolumeClaim(
                        name: config.claimName, accessMode: SharedVolume.AccessMode.readWriteOnce.rawValue,
                        size: config.size, storageClass: config.storageClass,
                        k8upBackup: stack.backups.engine == .k8up ? true : nil)
                ))
            if stack.backups.engine == .volsync { files += volsyncBackup(of: config) }
        }
        if let discovery = app.discovery {
            files.append(("serviceaccount.yaml", ServiceAccount(name: name)))
            files.append(("clusterrole.yaml", ClusterRole(name: name, rules: discovery.rules)))
            files.append(("clusterrolebinding.yaml", ClusterRoleBinding(name: name, namespace: app.namespace)))
        }
        if let policy = policies?.policy(for: app) {
            files.append(("networkpolicy.yaml", policy))
        }
        return files
    }

    /// The ReplicationSource of the config PVC, and the ExternalSecret of its repository when the credentials
    /// come from a store.
    private func volsyncBackup(of config: ConfigVolume) -> [(file: String, manifest: any Manifest)] {
        let name = app.name.rawValue
        var files: [(file: String, manifest: any Manifest)] = []
        if let credentials = stack.backups.credentials, let repository = stack.backups.repository {
            var template = ["RESTIC_REPOSITORY": repository.resticURL(folder: name)]
            for key in BackupSettings.credentialKeys { template[key] = "{{ .\(key) }}" }
            files.append(
                (
                    "volsync-externalsecret.yaml",
                    ExternalSecret(
                        name: BackupSettings.volsyncSecretName(app: name),
                        targetName: BackupSettings.volsyncSecretName(app: name), store: credentials.store,
                        extractKey: credentials.key, templateData: template)
                ))
        }
        files.append(
            (
                "replicationsource.yaml",
                ReplicationSource(
                    name: name, claimName: config.claimName, backups: stack.backups, user: stack.cluster.user)
            ))
        return files
    }

    /// One ExternalSecret for every `externalSecret` entry; they must share one store.
    private func externalSecret() -> ExternalSecret? {
        var store: String?
        var entries: [ExternalSecret.Entry] = []
        for variable in app.secrets.keys.sortedByBytes() {
            guard case .externalSecret(let secretStore, let key, let property) = app.secrets[variable] else {
                continue
            }
            store = store ?? secretStore
            entries.append(ExternalSecret.Entry(variable: variable, key: key, property: property))
        }
        guard let store else { return nil }
        return ExternalSecret(
            name: app.name.rawValue, targetName: app.externalSecretName, store: store, entries: entries)
    }

    /// Per proxied app, an ExternalName Service and an Ingress (seed 001's mediabox: one file each).
    private func proxied(_ proxy: ProxySpec) -> [(file: String, manifest: any Manifest)] {
        var files: [(file: String, manifest: any Manifest)] = []
        let settings = stack.exposure
        for target in proxy.apps.sortedByBytes() {
            let name = "\(app.name)-\(target)"
            let remote = "\(target).\(proxy.domain)"
            files.append(
                ("\(target)-service.yaml", ExternalNameService(name: name, externalName: remote, port: proxy.port)))
            guard app.exposure != .none, let className = settings.ingressClasses[app.exposure] else { continue }
            let metadata = IngressAnnotations(app: app, stack: stack, listedOnDashboard: listedOnDashboard)
            var annotations = metadata.proxied(to: target, on: proxy.domain)
            // ingress-nginx: speak TLS to the remote side and send it its own host name.
            if proxy.port == 443 { annotations["nginx.ingress.kubernetes.io/backend-protocol"] = "HTTPS" }
            annotations["nginx.ingress.kubernetes.io/upstream-vhost"] = remote
            files.append(
                (
                    "\(target)-ingress.yaml",
                    Ingress(
                        name: name, className: className, host: "\(target).\(stack.cluster.domain)",
                        serviceName: name, servicePort: proxy.port, annotations: annotations, labels: metadata.labels,
                        tlsSecretName: settings.tlsIssuer == nil ? nil : "\(name)-tls")
                ))
        }
        return files
    }
}
