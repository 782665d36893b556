import MediaKit
import MediaYAML

/// The commented `mediactl.yaml` that `mediactl init` writes: the keys people change first, with their
/// defaults, and one entry per requested app. It is emitted by the YAML emitter like every other file.
///
/// A new config states what an existing one must not change silently: the chart version (so a later default
/// does not move it; Renovate bumps it here) and claims named after their apps, as current home-ops repositories
/// name them (an existing config keeps `<app>-config`, see ``ClaimNaming``).
public enum StarterConfig {
    /// The apps a starter lists when none are named: PRODUCT.md's minimal stack.
    public static let defaultApps = ["plex", "sonarr", "radarr", "qbittorrent"].map(ServiceID.init(rawValue:))

    /// The starter's text for `apps` (catalog ids, in the given order), exposed through Ingress objects or
    /// Gateway API routes.
    public static func text(apps: [ServiceID], exposure mode: ExposureSettings.Mode = .ingress) -> String {
        var repo = YAMLMapping()
        repo.set("appsDir", "kubernetes/apps")
        repo.set("docsDir", "docs/apps", comment: "generated runbooks, one Markdown file per namespace")
        repo.set(
            "substituteFrom", ["cluster-secrets"],
            comment: "Secrets Flux substitutes ${VARIABLES} from (postBuild.substituteFrom of every ks.yaml)")
        var cluster = YAMLMapping()
        cluster.set("domain", "${SECRET_DOMAIN}", comment: "hosts are <host>.<domain>")
        cluster.set("timezone", "Etc/UTC")
        cluster.set(
            "loadBalancer", .string(LoadBalancerImplementation.cilium.rawValue),
            comment: "cilium, metallb or kube-vip: reads an app's loadBalancer.ip from its annotation")
        let chart = YAMLMapping([("version", .string(ChartSettings.Version.v5_1_0.rawValue))])
        var root = YAMLMapping()
        root.set("version", 1)
        root.set("repo", .mapping(repo), comment: "Where the Flux repository keeps apps and runbooks.")
        root.set("cluster", .mapping(cluster))
        root.set("chart", .mapping(chart), comment: "The bjw-s app-template chart every app is rendered with.")
        root.set("namespace", "media", comment: "The namespace of every app; an app can set its own.")
        root.set("exposure", .mapping(exposure(mode)))
        if mode == .gateway {
            root.set(
                "monitoring", ["gatus": "auto"],
                comment: "gatus-sidecar finds every route itself; routes carry only the checks that differ.")
        }
        var storage = YAMLMapping()
        storage.set(
            "config", ["claimNames": .string(ClaimNaming.app.rawValue)],
            comment: mediaVolumeHint.joined(separator: "\n"))
        root.set(
            "storage", .mapping(storage),
            comment: "Config PVCs are named after their apps (app-config would name them <app>-config).")
        var appsMapping = YAMLMapping()
        for id in apps {
            appsMapping.set(id.rawValue, .mapping(YAMLMapping()), comment: Catalog.entry(for: id)?.summary)
        }
        root.set(
            "apps", .mapping(appsMapping),
            comment: "One entry per app. Keys: enabled, expose, host, auth, resources, env, secrets, storage,\n"
                + "mounts, dependsOn, nodeSelector, values… (see Docs/Config.md).")
        let header = [
            // Editors with the yaml-language-server read the schema `render` writes (`repo.schema`).
            "yaml-language-server: $schema=\(RepoSettings.defaultSchema)",
            "mediactl.yaml: the media stack of this Flux repository (every key: Docs/Config.md).",
            "Write the manifests with 'mediactl render'; fail CI on drift with 'mediactl check'.",
        ]
        return YAMLEmitter().emit(YAMLDocument(headerComments: header, root: .mapping(root)))
    }

    /// The commented lines that show how downloads and the library share one volume (without it Sonarr's
    /// import is a copy, and `validate` warns): the user uncomments them under `storage:` with their NAS.
    static let mediaVolumeHint = [
        "Downloads and the library belong on one volume (hardlinks): name yours and uncomment.",
        "volumes: {data: {nfs: {server: nas.internal, path: /volume1/data}}}",
        "media: data",
    ]

    /// `exposure:` for `mode`: the gateways routes attach to, or the ingress classes.
    private static func exposure(_ mode: ExposureSettings.Mode) -> YAMLMapping {
        let defaults = ExposureSettings()
        var exposure = YAMLMapping()
        switch mode {
        case .gateway:
            exposure.set(
                "mode", "gateway",
                comment: "Gateway API HTTPRoutes to these gateways ('ingress' renders Ingress objects instead).")
            var gateways = YAMLMapping()
            for level in [Exposure.internal, .external] {
                guard let gateway = defaults.gateways[level] else { continue }
                gateways.set(
                    level.rawValue, ["name": .string(gateway.name), "namespace": .string(gateway.namespace)])
            }
            exposure.set("gateways", .mapping(gateways))
        case .ingress:
            exposure.set(
                "mode", "ingress",
                comment: "Ingress objects of these classes ('gateway' renders Gateway API HTTPRoutes instead,\n"
                    + "as 'mediactl init --gateway' writes).")
            var classes = YAMLMapping()
            for level in [Exposure.internal, .external] {
                guard let className = defaults.ingressClasses[level] else { continue }
                classes.set(level.rawValue, ["className": .string(className)])
            }
            exposure.set("classes", .mapping(classes))
        }
        return exposure
    }
}
