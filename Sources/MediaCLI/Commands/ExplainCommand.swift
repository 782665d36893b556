import Foundation
import MediaKit
import MediaRender
import MediaYAML

/// `mediactl explain APP [--json]`: one app with every default applied, and the files it renders to.
struct ExplainCommand {
    let invocation: Invocation
    let terminal: Terminal

    /// The JSON form; absent facts are omitted.
    struct Report: Encodable {
        let app: String
        let service: String
        let status: String
        let replacedBy: String?
        let enabled: Bool
        let namespace: String
        let kind: String
        let image: String?
        let port: Int?
        let portName: String?
        let probe: String
        let exposure: String
        let host: String?
        let auth: Bool
        let security: String
        let resources: [String: [String: String]]
        let environment: [String: String]
        let secrets: [String]
        let configVolume: String?
        let mounts: [String]
        let scratchVolumes: [String]
        let sidecars: [String]
        let companions: [String]
        let cronJobs: [String]
        let schedule: String?
        let services: [String]
        let metrics: String?
        let needs: [String]
        let requiredSecrets: [String]
        let dependsOn: [String]
        let files: [String]
    }

    func run() -> Int32 {
        guard let session = ConfigSession.open(invocation, terminal), let stack = session.validStack(terminal)
        else { return ExitStatus.failure }
        let name = invocation.arguments[0]
        guard session.hasApps([name], in: stack, terminal), let spec = stack.app(named: AppName(rawValue: name)) else {
            return ExitStatus.failure
        }
        let app = AppResolver(stack: stack).resolve(spec)
        let report = self.report(app, files: Renderer(stack: stack).files(of: app.name))
        terminal.output(invocation.has("--json") ? JSONText.encode(report) : text(report))
        return ExitStatus.success
    }

    private func report(_ app: ResolvedApp, files: [String]) -> Report {
        var kind = app.catalogEntry == nil ? "generic" : "catalog"
        if case .proxy = app.kind { kind = "proxy" }
        var resources: [String: [String: String]] = [:]
        for (label, amounts) in [("requests", app.resources.requests), ("limits", app.resources.limits)] {
            var values: [String: String] = [:]
            if let cpu = amounts.cpu { values["cpu"] = cpu }
            if let memory = amounts.memory { values["memory"] = memory }
            if !values.isEmpty { resources[label] = values }
        }
        return Report(
            app: app.name.rawValue, service: app.service.rawValue, status: app.catalogEntry?.status.name ?? "active",
            replacedBy: app.catalogEntry?.status.replacement?.rawValue,
            enabled: app.enabled, namespace: app.namespace, kind: kind, image: app.image?.description,
            port: app.port?.number, portName: app.port?.name, probe: app.probe.summary,
            exposure: app.exposure.rawValue, host: app.host, auth: app.auth, security: app.security.summary,
            resources: resources, environment: app.environment,
            secrets: app.secrets.keys.sortedByBytes(),
            configVolume: app.configVolume.map {
                "PVC \($0.claimName) (\($0.size)\($0.storageClass.map { ", " + $0 } ?? "")) at \($0.path)"
            },
            mounts: app.mounts.map {
                "\($0.volume) at \($0.path)\($0.subPath.map { " (subPath " + $0 + ")" } ?? "")"
                    + ($0.readOnly ? ", read-only" : "") + ($0.isMediaRole ? ", from storage.media" : "")
            },
            scratchVolumes: app.scratchVolumes.map { "\($0.name) (emptyDir) at \($0.path)" },
            sidecars: app.sidecars.map { "\($0.name): \($0.image)" },
            companions: app.companions.map { "\($0.name): \($0.image), port \($0.port.number)" },
            cronJobs: app.cronJobs.map {
                "\(app.name)-\($0.name): \($0.schedule) \($0.arguments.joined(separator: " "))"
            },
            schedule: app.schedule, services: services(of: app),
            metrics: app.metrics.map { "\($0.path) on port \($0.port.number) (\($0.port.name))" },
            needs: app.needs.map(\.rawValue), requiredSecrets: requiredSecrets(of: app),
            dependsOn: app.dependsOn.map { ($0.namespace.map { $0 + "/" } ?? "") + $0.name }, files: files)
    }

    /// The Services the chart renders, with their ports.
    private func services(of app: ResolvedApp) -> [String] {
        var services: [String] = []
        if let port = app.port {
            let ports = [port] + app.sidecars.compactMap(\.port)
            let type = app.peerPort == nil && app.loadBalancer != nil ? ", LoadBalancer" : ""
            services.append(
                "\(app.name) (" + ports.map { "\($0.name) \($0.number)" }.joined(separator: ", ") + type + ")")
        }
        if let peer = app.peerPort {
            let type = app.loadBalancer != nil ? ", LoadBalancer" : ""
            services.append("\(app.name)-\(peer.name) (\(peer.number) TCP and UDP\(type))")
        }
        services += app.companions.map { "\(app.name)-\($0.name) (\($0.port.name) \($0.port.number))" }
        return services
    }

    /// Secrets the app reads that mediactl does not render: the catalog's and the options', then the Secrets
    /// `secrets:` names by `secretRef`.
    private func requiredSecrets(of app: ResolvedApp) -> [String] {
        var secrets = app.requiredSecrets.map { secret in
            "\(secret.name) (\(secret.usedBy)" + (secret.keys.isEmpty ? "" : ": " + secret.keys.joined(separator: ", "))
                + ")"
        }
        for (variable, source) in app.secrets.sorted(by: { $0.key.precedesInByteOrder($1.key) }) {
            if case .secretRef(let name, let key) = source { secrets.append("\(name) (\(variable): \(key))") }
        }
        return secrets
    }

    private func text(_ report: Report) -> String {
        func line(_ label: String, _ value: String?) -> String {
            guard let value, !value.isEmpty else { return "" }
            // Values come from the config, where a double-quoted string can hold any control character.
            return label.padding(toLength: 14, withPad: " ", startingAt: 0) + DiagnosticFormatter.escaped(value) + "\n"
        }
        func list(_ label: String, _ items: [String]) -> String { line(label, items.joined(separator: "; ")) }
        let status = report.status == "active" ? "" : " (\(report.status)\(report.replacedBy.map { " → " + $0 } ?? ""))"
        let env = report.environment.sorted { $0.key.precedesInByteOrder($1.key) }
            .map { "\($0.key)=\($0.value)" }
        let resources = ["requests", "limits"].compactMap { key in
            report.resources[key].map { values in
                key + " " + values.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            }
        }
        return line("app", report.app) + line("service", report.service + status)
            + line("kind", report.kind) + line("enabled", report.enabled ? "yes (ks.yaml)" : "no (ks.dis)")
            + line("namespace", report.namespace) + line("image", report.image)
            + line("port", report.port.map { "\($0) (\(report.portName ?? "http"))" })
            + line("probe", report.probe)
            + line(
                "exposure",
                report.exposure + (report.host.map { ", " + $0 } ?? "")
                    + (report.exposure == "none" ? "" : report.auth ? ", forward auth" : ", no forward auth"))
            + line("security", report.security) + list("resources", resources) + list("env", env)
            + list("secrets", report.secrets) + line("config", report.configVolume) + list("mounts", report.mounts)
            + list("scratch", report.scratchVolumes) + list("sidecars", report.sidecars)
            + list("controllers", report.companions) + list("cronjobs", report.cronJobs)
            + line("schedule", report.schedule) + list("services", report.services) + line("metrics", report.metrics)
            + list("needs", report.needs) + list("provide", report.requiredSecrets)
            + list("dependsOn", report.dependsOn)
            + "files\n" + report.files.map { "  \($0)\n" }.joined()
    }
}
