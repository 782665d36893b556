import MediaKit

/// The namespace runbook (`<docsDir>/<ns>.md`), laid out like seed 001's: per app its state, path,
/// purpose, exposure, storage, secrets (names only), dependencies and the commands to operate it.
struct RunbookWriter {
    let namespace: String
    let apps: [ResolvedApp]
    let stack: Stack

    func markdown() -> String {
        var lines = [
            "# Namespace `\(namespace)`", "",
            "> State: **enabled** = `ks.yaml`, **disabled** = `ks.dis`. Switch with `mediactl enable APP` or "
                + "`mediactl disable APP`; this file is generated from `mediactl.yaml` by `mediactl render`.",
        ]
        for app in apps { lines += [""] + section(app) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func section(_ app: ResolvedApp) -> [String] {
        let folder = "\(stack.repo.appsDir)/\(namespace)/\(app.name)"
        var lines = [
            "## \(app.name) (**\(app.enabled ? "enabled" : "disabled")**, `\(app.enabled ? "ks.yaml" : "ks.dis")`)",
            "",
            "- **Path**: `\(folder)`",
            "- **Purpose**: \(purpose(of: app))",
        ]
        if let image = app.image { lines.append("- **Image**: `\(image)`") }
        if !app.sidecars.isEmpty {
            let sidecars = app.sidecars.map { "`\($0.name)` (`\($0.image)`)" }.joined(separator: ", ")
            lines.append("- **Sidecars**: \(sidecars)")
        }
        if !app.companions.isEmpty {
            let controllers = app.companions.map { "`\(app.name)-\($0.name)` (`\($0.image)`, port \($0.port.number))" }
            lines.append("- **More controllers**: " + controllers.joined(separator: ", "))
        }
        if let metrics = app.metrics {
            let monitor = stack.monitoring.serviceMonitors ? ", scraped by a ServiceMonitor" : ""
            lines.append("- **Metrics**: `\(metrics.path)` on port \(metrics.port.number)\(monitor)")
        }
        lines.append("- **Exposure**: \(exposure(of: app))")
        let storage = self.storage(of: app)
        if !storage.isEmpty { lines += ["- **Storage**:"] + storage.map { "    - \($0)" } }
        lines.append("- **Secrets**: \(secrets(of: app))")
        if !app.dependsOn.isEmpty {
            let names = app.dependsOn.map { "`" + ($0.namespace.map { "\($0)/" } ?? "") + $0.name + "`" }
            lines.append("- **Depends on**: " + names.joined(separator: ", "))
        }
        if !app.nodeSelector.isEmpty {
            let labels = app.nodeSelector.sorted { $0.key.precedesInByteOrder($1.key) }
            lines.append("- **Node selector**: " + labels.map { "`\($0.key)=\($0.value)`" }.joined(separator: ", "))
        }
        lines += ["- **Runbook**:"] + runbook(of: app).map { "    - \($0)" }
        return lines
    }

    private func purpose(of app: ResolvedApp) -> String {
        if case .proxy(let proxy) = app.kind {
            return "Ingress and `ExternalName` Services for apps running outside the cluster on `*.\(proxy.domain)`: "
                + proxy.apps.map { "`\($0)`" }.joined(separator: ", ")
        }
        guard let entry = app.catalogEntry else { return "generic app running `\(app.service)`" }
        var text = entry.summary
        switch entry.status {
        case .active: break
        case .deprecated(let successor): text += " (deprecated upstream; successor: `\(successor)`)"
        case .retired: text += " (retired upstream)"
        }
        return text
    }

    private func exposure(of app: ResolvedApp) -> String {
        guard app.exposure != .none else { return "none (cluster-internal Service only)" }
        let via: String
        switch stack.exposure.mode {
        case .ingress: via = "class `\(stack.exposure.ingressClasses[app.exposure] ?? app.exposure.rawValue)`"
        case .gateway: via = "gateway `\(stack.exposure.gateways[app.exposure]?.name ?? app.exposure.rawValue)`"
        }
        let hosts: String
        if case .proxy(let proxy) = app.kind {
            hosts = proxy.apps.map { "`\($0).\(stack.cluster.domain)`" }.joined(separator: ", ")
        } else {
            hosts = app.host.map { "`\($0)`" } ?? ""
        }
        let tls = stack.exposure.tlsIssuer.map { "TLS from issuer `\($0)`" } ?? "TLS with the default certificate"
        let auth = app.auth && !stack.exposure.authAnnotations.isEmpty ? "forward auth" : "no forward auth"
        var text = "\(app.exposure.rawValue), \(hosts) (\(via), \(tls), \(auth))"
        if let icon = app.dashboard?.icon { text += "; dashboard icon `\(icon)`" }
        return text
    }

    private func storage(of app: ResolvedApp) -> [String] {
        var lines: [String] = []
        if let config = app.configVolume {
            let storageClass = config.storageClass.map { ", \($0)" } ?? ""
            lines.append(
                "PVC `\(config.claimName)` (\(config.size)\(storageClass)) at `\(config.path)`, never pruned by Flux")
        }
        for mount in app.mounts {
            let source: String
            switch mount.source {
            case .nfs(let server, let path): source = "NFS `\(server):\(path)`"
            case .pvc: source = "shared PVC `\(mount.volume)`"
            case .existingClaim(let claim): source = "existing PVC `\(claim)`"
            }
            let sub = mount.subPath.map { " (folder `\($0)`)" } ?? ""
            let role = mount.isMediaRole ? " (`storage.media`)" : ""
            lines.append("\(source)\(sub) at `\(mount.path)`\(mount.readOnly ? ", read-only" : "")\(role)")
        }
        for scratch in app.scratchVolumes { lines.append("`\(scratch.name)` emptyDir at `\(scratch.path)`") }
        for file in app.configFiles { lines.append("`\(file.name)` from the app's ConfigMap at `\(file.path)`") }
        return lines
    }

    private func secrets(of app: ResolvedApp) -> String {
        let provided = app.requiredSecrets.map { secret in
            "Secret `\(secret.name)` to provide (\(secret.usedBy)"
                + secret.keys.map { ", `\($0)`" }.joined() + ")"
        }
        guard !app.secrets.isEmpty || !provided.isEmpty else { return "none" }
        let names = app.secrets.keys.sortedByBytes()
        return
            (names.map { variable in
                switch app.secrets[variable] {
                case .externalSecret(let store, let key, _):
                    "`\(variable)` (ExternalSecret → Secret `\(app.externalSecretName)`, store `\(store)`, key `\(key)`)"
                case .secretRef(let name, let key): "`\(variable)` (Secret `\(name)`, key `\(key)`)"
                case nil: "`\(variable)`"
                }
            } + provided).joined(separator: ", ")
    }

    private func runbook(of app: ResolvedApp) -> [String] {
        var lines: [String] = []
        if app.enabled {
            lines.append("Reconcile: `flux reconcile kustomization \(app.name) --with-source -n \(namespace)`")
            lines.append("Switch off: `mediactl disable \(app.name)`, commit, reconcile the parent Kustomization")
        } else {
            lines.append(
                "Switch on: `mediactl enable \(app.name)`, `git add`, commit, then "
                    + "`flux reconcile kustomization \(app.name) --with-source -n \(namespace)`")
        }
        if let schedule = app.schedule {
            lines.append("Runs as a CronJob (\(schedule)); status with `kubectl -n \(namespace) get jobs`")
        }
        if !app.cronJobs.isEmpty {
            let names = app.cronJobs.map { "`\(app.name)-\($0.name)` (\($0.schedule))" }.joined(separator: ", ")
            lines.append("CronJobs: \(names); status with `kubectl -n \(namespace) get jobs`")
        }
        return lines
    }
}
