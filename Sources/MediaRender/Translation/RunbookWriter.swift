import MediaKit

/// The namespace runbook (`<docsDir>/<ns>.md`), laid out like seed 001's: a diagram of the namespace, then
/// per app its state, path, purpose, exposure, storage, secrets (names only), backups, monitoring, network
/// and security, dependencies and the commands to operate it; then how to restore, the alerts and the
/// network policies of the namespace.
struct RunbookWriter {
    let namespace: String
    let apps: [ResolvedApp]
    let stack: Stack
    /// The stack's network policies, when `networkPolicies` is on.
    let policies: NetworkPolicies?

    func markdown() -> String {
        // The UTF-8 bytes, appended line by line: appending to a `String`, or collecting the lines to join
        // them, cost several times more.
        var text: [UInt8] = []
        text.reserveCapacity(16 * 1024)
        func add(_ lines: [String]) {
            for line in lines {
                text.append(contentsOf: line.utf8)
                text.append(UInt8(ascii: "\n"))
            }
        }
        add([
            "# Namespace `\(namespace)`", "",
            "> State: **enabled** = `ks.yaml`, **disabled** = `ks.dis`. Switch with `mediactl enable APP` or "
                + "`mediactl disable APP`; this file is generated from `mediactl.yaml` by `mediactl render`.",
        ])
        let diagram = StackDiagram(apps: apps, stack: stack).mermaid()
        if diagram.isSummarized {
            add([
                "",
                "The namespace has too many apps or connections to draw each one within Mermaid's limits (500 arrows, "
                    + "50,000 characters), so each box stands for a group of apps; `mediactl graph --format dot` "
                    + "draws every app.",
            ])
        }
        add(["", "```mermaid"])
        text.append(contentsOf: diagram.text.utf8)  // ends with a newline
        add(["```"])
        for app in apps { add([""] + section(app)) }
        add(restoreSection() + alertSection() + networkSection())
        return String(decoding: text, as: UTF8.self)
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
        if let backup = backup(of: app) { lines.append("- **Backups**: \(backup)") }
        let monitoring = self.monitoring(of: app)
        if !monitoring.isEmpty { lines.append("- **Monitoring**: " + monitoring.joined(separator: "; ")) }
        if let network = network(of: app) { lines.append("- **Network**: \(network)") }
        if app.kind == .workload { lines.append("- **Security**: \(app.security.summary)") }
        if let discovery = app.discovery {
            var seen: Set<String> = []
            let resources = discovery.rules.flatMap(\.resources).filter { seen.insert($0).inserted }
                .map { "`\($0)`" }.joined(separator: ", ")
            lines.append(
                "- **Cluster access**: runs as ServiceAccount `\(app.name)`, bound to ClusterRole `\(app.name)`: "
                    + "reads \(resources) cluster-wide, to list the exposed apps (`discovery: false` turns "
                    + "it off)")
        }
        if !app.dependsOn.isEmpty {
            let names = app.dependsOn.map { "`" + ($0.namespace.map { "\($0)/" } ?? "") + $0.name + "`" }
            lines.append("- **Depends on**: " + names.joined(separator: ", "))
        }
        if !app.components.isEmpty {
            lines.append("- **Components**: " + app.components.map { "`\($0)`" }.joined(separator: ", "))
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
        let auth = stack.exposure.guards(app) ? "forward auth" : "no forward auth"
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
        if app.configVolume != nil, stack.backups.engine != .none {
            lines.append("Restore the config PVC: see [Backups and restore](#backups-and-restore)")
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

    // MARK: backups, monitoring, network

    private func backup(of app: ResolvedApp) -> String? {
        let backups = stack.backups
        guard app.kind == .workload else { return nil }
        guard let config = app.configVolume else { return "no PVC of its own to back up" }
        let retention =
            "keeps \(backups.retention.daily) daily, \(backups.retention.weekly) weekly, "
            + "\(backups.retention.monthly) monthly"
        switch backups.engine {
        case .none:
            return "none (`backups.engine` is `none`); the PVC is only protected from pruning"
        case .k8up:
            return "K8up Schedule `backup` of the namespace backs up PVC `\(config.claimName)` (`k8up.io/backup: "
                + "\"true\"`) at `\(backups.schedule)` with restic; \(retention)"
        case .volsync:
            var text =
                "VolSync ReplicationSource `\(app.name)` backs up PVC `\(config.claimName)` at "
                + "`\(backups.schedule)` with restic (copy method \(backups.copyMethod.rawValue)); \(retention); "
                + "repository Secret `\(BackupSettings.volsyncSecretName(app: app.name.rawValue))`"
            if backups.credentials == nil, let repository = backups.repository {
                text +=
                    " to provide (`RESTIC_REPOSITORY` = `\(repository.resticURL(folder: app.name.rawValue))`, "
                    + BackupSettings.credentialKeys.map { "`\($0)`" }.joined(separator: ", ") + ")"
            }
            return text
        }
    }

    private func monitoring(of app: ResolvedApp) -> [String] {
        var parts: [String] = []
        if stack.monitoring.serviceMonitors, app.metrics != nil { parts.append("ServiceMonitor `\(app.name)`") }
        if stack.monitoring.gatus != .off, app.exposure != .none { parts.append("Gatus check through gatus-sidecar") }
        if stack.monitoring.alerts, app.kind == .workload {
            let ownsClaim =
                app.configVolume != nil || app.mounts.contains { if case .nfs = $0.source { false } else { true } }
            let names = AlertRules(namespace: namespace, apps: [app], stack: stack).rules.map(\.name)
                .filter { ownsClaim || $0 != AlertRules.volumeAlertName }
            parts.append("alerts " + Array(Set(names)).sortedByBytes().map { "`\($0)`" }.joined(separator: ", "))
        }
        return parts
    }

    private func network(of app: ResolvedApp) -> String? {
        guard let policy = policies?.policy(for: app) else { return nil }
        var sources: [String] = []
        for rule in policy.ingress ?? [] {
            let ports = rule.ports.map { "\($0.number)/\($0.transport)" }.joined(separator: ", ")
            let peers = rule.peers.isEmpty ? ["anywhere"] : rule.peers.map(describe)
            sources.append(peers.joined(separator: ", ") + (ports.isEmpty ? "" : " on \(ports)"))
        }
        var text = "NetworkPolicy `\(app.name)` allows in: " + sources.joined(separator: "; ")
        if policy.egress != nil { text += "; out: DNS and the internet only (no private ranges)" }
        return text
    }

    private func describe(_ peer: NetworkPolicy.Peer) -> String {
        switch peer {
        case .releases(let names, let namespace):
            return names.map { "`\($0)`" }.joined(separator: ", ") + (namespace.map { " in `\($0)`" } ?? "")
        case .namespace(let namespace): return "namespace `\(namespace)`"
        case .pods(let labels, let namespace):
            return labels.keys.sortedByBytes().map { "`\($0)=\(labels[$0] ?? "")`" }.joined() + " in `\(namespace)`"
        case .addresses(let cidr, _): return "`\(cidr)`"
        }
    }

    private func restoreSection() -> [String] {
        let claims = apps.compactMap { app in app.configVolume.map { (app.name.rawValue, $0.claimName) } }
        guard stack.backups.engine != .none, !claims.isEmpty else { return [] }
        var lines = ["", "## Backups and restore", ""]
        let example = claims[0]
        let stop =
            "Stop the app so nothing writes to its PVC: `flux suspend kustomization \(example.0) -n \(namespace)`, "
            + "then `kubectl -n \(namespace) scale deployment \(example.0) --replicas 0`."
        let resume =
            "Start it again: `flux resume kustomization \(example.0) -n \(namespace)` (Flux scales it back up)."
        switch stack.backups.engine {
        case .none:
            return []
        case .k8up:
            let secret = BackupSettings.k8upSecretName
            let source =
                stack.backups.credentials.map {
                    "from the ExternalSecret `\(secret)` (store `\($0.store)`, key `\($0.key)`)"
                }
                ?? "to provide, with " + BackupSettings.credentialKeys.map { "`\($0)`" }.joined(separator: ", ")
            lines += [
                "K8up's Schedule `backup` (`k8up-schedule.yaml`) backs up every PVC annotated `k8up.io/backup: \"true\"` "
                    + "at `\(stack.backups.schedule)`, checks the repository at `\(K8upSchedule.checkSchedule)` and prunes at "
                    + "`\(K8upSchedule.pruneSchedule)`. Credentials: Secret `\(secret)` \(source).",
                "",
                "To restore a PVC (here `\(example.1)` of `\(example.0)`):",
                "",
                "1. \(stop)",
                "2. Find the snapshot: `kubectl -n \(namespace) get snapshots` lists what K8up has in the repository.",
                "3. Apply a K8up `Restore` with `spec.snapshot` set to its id, `spec.restoreMethod.folder.claimName: "
                    + "\(example.1)` and the same `spec.backend` as `k8up-schedule.yaml`; wait until its job completes "
                    + "(`kubectl -n \(namespace) get restores`).",
                "4. \(resume)",
            ]
        case .volsync:
            lines += [
                "Each config PVC has a VolSync ReplicationSource (`replicationsource.yaml`) that runs restic at "
                    + "`\(stack.backups.schedule)` into the repository named in its Secret `<app>-volsync`.",
                "",
                "To restore a PVC (here `\(example.1)` of `\(example.0)`):",
                "",
                "1. \(stop)",
                "2. Apply a ReplicationDestination `\(example.0)-restore` with `spec.trigger.manual: restore-once` and "
                    + "`spec.restic`: `repository: \(BackupSettings.volsyncSecretName(app: example.0))`, "
                    + "`destinationPVC: \(example.1)`, `copyMethod: Direct` (add `restoreAsOf` for an older snapshot).",
                "3. Wait until `kubectl -n \(namespace) get replicationdestination \(example.0)-restore "
                    + "-o jsonpath='{.status.lastManualSync}'` prints `restore-once`, then delete it.",
                "4. \(resume)",
            ]
        }
        return lines
    }

    private func alertSection() -> [String] {
        guard stack.monitoring.alerts, apps.contains(where: { $0.kind == .workload }) else { return [] }
        var lines = [
            "", "## Alerts", "",
            "PrometheusRule `\(namespace)-apps` (`prometheusrule.yaml`):", "",
            "| alert | for | severity | expression |", "| --- | --- | --- | --- |",
        ]
        for rule in AlertRules(namespace: namespace, apps: apps, stack: stack).rules {
            let expression = Self.escapingPipes(rule.expression)
            lines.append("| `\(rule.name)` | \(rule.duration) | \(rule.severity) | `\(expression)` |")
        }
        return lines
    }

    /// `text` with each `|` escaped: GitHub tables split cells at every `|`, even inside code.
    private static func escapingPipes(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "|")) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if byte == UInt8(ascii: "|") { escaped.append(UInt8(ascii: "\\")) }
            escaped.append(byte)
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    private func networkSection() -> [String] {
        guard let settings = stack.networkPolicies else { return [] }
        return [
            "", "## Network policies", "",
            "`networkpolicy.yaml` denies all ingress in the namespace; each app's own policy (above) opens only "
                + "its callers, the ingress namespace `\(settings.ingressNamespace)`, Prometheus in "
                + "`\(settings.monitoringNamespace)` and its LoadBalancer ports. Download clients may reach DNS and "
                + "the internet only.",
        ]
    }
}
