/// The files mediactl writes in an app's `app/` folder (`<appsDir>/<namespace>/<app>/app/`), which a
/// hand-written file listed in `extraResources` must not be: `kustomization.yaml` would list it twice, and
/// `kustomize build` refuses a resource it has already loaded. `MediaRender`'s `AppTranslator` writes them;
/// a render test checks, over every example and fixture, that it writes exactly these.
public enum AppFolderFiles {
    /// The names of the files `app` gets in its `app/` folder, sorted.
    public static func names(of app: ResolvedApp, in stack: Stack) -> [String] {
        var names = ["kustomization.yaml"]
        switch app.kind {
        case .workload:
            names.append("helmrelease.yaml")
            names.append(stack.chart.source == .oci ? "ocirepository.yaml" : "helmrepository.yaml")
            let fromStore = app.secrets.values.contains {
                if case .externalSecret = $0 { true } else { false }
            }
            if fromStore { names.append("externalsecret.yaml") }
            if app.configVolume != nil {
                names.append("pvc.yaml")
                if stack.backups.engine == .volsync {
                    names.append("replicationsource.yaml")
                    if stack.backups.credentials != nil, stack.backups.repository != nil {
                        names.append("volsync-externalsecret.yaml")
                    }
                }
            }
            if app.discovery != nil {
                names += ["serviceaccount.yaml", "clusterrole.yaml", "clusterrolebinding.yaml"]
            }
            if stack.networkPolicies != nil { names.append("networkpolicy.yaml") }
        case .proxy(let proxy):
            let routed = app.exposure != .none && stack.exposure.ingressClasses[app.exposure] != nil
            for target in proxy.apps {
                names.append("\(target)-service.yaml")
                if routed { names.append("\(target)-ingress.yaml") }
            }
        }
        return names.sortedByBytes()
    }

    /// The generated file of `app` that `path` (relative to the `app/` folder, normalized) names, compared
    /// ignoring case as a case-insensitive file system would; nil when it names none.
    public static func generatedFile(at path: String, of app: ResolvedApp, in stack: Stack) -> String? {
        let name = path.lowercased()
        return names(of: app, in: stack).first { $0 == name }
    }
}
