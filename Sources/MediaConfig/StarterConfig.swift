import MediaKit
import MediaYAML

/// The commented `mediactl.yaml` that `mediactl init` writes: the keys people change first, with their
/// defaults, and one entry per requested app. It is emitted by the YAML emitter like every other file.
public enum StarterConfig {
    /// The apps a starter lists when none are named: PRODUCT.md's minimal stack.
    public static let defaultApps = ["plex", "sonarr", "radarr", "qbittorrent"].map(ServiceID.init(rawValue:))

    /// The starter's text for `apps` (catalog ids, in the given order).
    public static func text(apps: [ServiceID]) -> String {
        var repo = YAMLMapping()
        repo.set("appsDir", "kubernetes/apps")
        repo.set("docsDir", "docs/apps", comment: "generated runbooks, one Markdown file per namespace")
        repo.set(
            "substituteFrom", ["cluster-secrets"],
            comment: "Secrets Flux substitutes ${VARIABLES} from (postBuild.substituteFrom of every ks.yaml)")
        var cluster = YAMLMapping()
        cluster.set("domain", "${SECRET_DOMAIN}", comment: "hosts are <host>.<domain>")
        cluster.set("timezone", "Etc/UTC")
        var appsMapping = YAMLMapping()
        for id in apps {
            appsMapping.set(id.rawValue, .mapping(YAMLMapping()), comment: Catalog.entry(for: id)?.summary)
        }
        var root = YAMLMapping()
        root.set("version", 1)
        root.set("repo", .mapping(repo), comment: "Where the Flux repository keeps apps and runbooks.")
        root.set("cluster", .mapping(cluster))
        root.set("namespace", "media", comment: "The namespace of every app; an app can set its own.")
        root.set(
            "apps", .mapping(appsMapping),
            comment: "One entry per app. Keys: enabled, expose, host, auth, resources, env, secrets, storage,\n"
                + "mounts, dependsOn, nodeSelector, values… (see Docs/Config.md).")
        let header = [
            "mediactl.yaml: the media stack of this Flux repository (every key: Docs/Config.md).",
            "Write the manifests with 'mediactl render'; fail CI on drift with 'mediactl check'.",
        ]
        return YAMLEmitter().emit(YAMLDocument(headerComments: header, root: .mapping(root)))
    }
}
