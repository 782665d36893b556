import MediaKit

/// Translates one namespace into the files beside its apps: `namespace.yaml`, the never-pruned shared
/// PVCs, the K8up Schedule and its credentials, the PrometheusRule, the default-deny network policy, and
/// the `kustomization.yaml` that lists them with the enabled apps' `ks.yaml`.
struct NamespaceTranslator {
    let namespace: String
    /// The namespace's apps, sorted by name.
    let apps: [ResolvedApp]
    let stack: Stack

    /// `<appsDir>/<ns>`.
    var folder: String { "\(stack.repo.appsDir)/\(namespace)" }

    func add(to layout: inout FluxLayout) {
        var files: [(file: String, manifest: any Manifest)] = [("namespace.yaml", Namespace(name: namespace))]
        for (name, volume) in sharedClaims {
            guard case .pvc(let storageClass, let size, let accessMode) = volume else { continue }
            files.append(
                (
                    "pvc-\(name).yaml",
                    PersistentVolumeClaim(
                        name: name, accessMode: accessMode.rawValue, size: size, storageClass: storageClass,
                        k8upBackup: stack.backups.engine == .k8up ? false : nil)
                ))
        }
        if stack.backups.engine == .k8up, let repository = stack.backups.repository,
            apps.contains(where: { $0.configVolume != nil })
        {
            if let credentials = stack.backups.credentials {
                files.append(
                    (
                        "k8up-externalsecret.yaml",
                        ExternalSecret(
                            name: BackupSettings.k8upSecretName, targetName: BackupSettings.k8upSecretName,
                            store: credentials.store, extractKey: credentials.key)
                    ))
            }
            files.append(("k8up-schedule.yaml", K8upSchedule(backups: stack.backups, repository: repository)))
        }
        if stack.monitoring.alerts, apps.contains(where: { $0.kind == .workload }) {
            let rules = AlertRules(namespace: namespace, apps: apps, stack: stack).rules
            files.append(("prometheusrule.yaml", PrometheusRule(name: "\(namespace)-apps", rules: rules)))
        }
        if stack.networkPolicies != nil {
            files.append(("networkpolicy.yaml", NetworkPolicies.defaultDeny()))
        }
        // A hand-written namespace keeps its own `namespace.yaml` and `kustomization.yaml`: they list what mediactl
        // does not manage (other apps, components), so the user lists mediactl's files there.
        let handWritten = stack.repo.handWrittenNamespaces.contains(namespace)
        if handWritten { files.removeFirst() }
        for (file, manifest) in files { layout.add(manifest, at: "\(folder)/\(file)") }
        guard !handWritten else { return }
        let resources = files.map { "./\($0.file)" } + apps.filter(\.enabled).map { "./\($0.name)/ks.yaml" }
        layout.add(KustomizationFile(namespace: namespace, resources: resources), at: "\(folder)/kustomization.yaml")
    }

    /// Shared `pvc` volumes mounted by any app of the namespace, sorted by name.
    private var sharedClaims: [(String, SharedVolume)] {
        var claims: [String: SharedVolume] = [:]
        for mount in apps.flatMap(\.mounts) {
            if case .pvc = mount.source { claims[mount.volume] = mount.source }
        }
        return claims.sorted { $0.key.precedesInByteOrder($1.key) }.map { ($0.key, $0.value) }
    }
}
