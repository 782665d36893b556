import MediaKit
import MediaYAML

/// The mappings of one app under `apps:`.
extension ConfigKeys {
    /// `apps.NAME`.
    package static let app = ConfigTable([
        .init("service", .name, "The catalog service it runs; by default the app's name."),
        .init("enabled", .boolean, "false renders ks.dis and leaves the app out of its namespace list.", default: true),
        .init("namespace", .name, "Its namespace; by default the top-level namespace."),
        .init(
            "image", .either([.string, .mapping(image)]),
            "The image as repository:tag (or repository:tag@sha256:digest), or {repository, tag, digest}; by "
                + "default the catalog's. mediactl pin writes it; latest is an error."),
        .init("port", .integer(1...65_535), "The HTTP port; by default the catalog's (required outside the catalog)."),
        .init(
            "expose", .choice(of: Exposure.self),
            "Who can reach it: internal, external or none; by default the catalog's."),
        .init("host", .string, "The host name under the cluster domain; by default the app's name."),
        .init("auth", .boolean, "Whether exposure goes through forward auth; by default the catalog's."),
        .init("resources", .mapping(resources), "CPU and memory requests and limits; by default the catalog's."),
        .init("env", .map(.string, keys: .any), "Environment variables."),
        .init(
            "secrets", .map(.oneKeyOf(secret), keys: .any),
            "Environment variables read from an ExternalSecret or an existing Secret."),
        .init(
            "storage", .either([.boolean, .mapping(appStorage)]),
            "false: no config PVC (config on a shared volume); a mapping overrides storage.config."),
        .init("mounts", .list(.mapping(mount), nonEmpty: false), "Mounts of shared volumes from storage.volumes."),
        .init(
            "dependsOn", .list(.string, nonEmpty: false),
            "Flux Kustomizations it waits for: apps of this file, namespace/name, or a name in its own namespace."),
        .init(
            "components", .list(.string, nonEmpty: false),
            "Kustomize components its ks.yaml applies, as paths from the repository root (kubernetes/components/volsync)."
        ),
        .init(
            "substitute", .map(.string, keys: .any),
            "Variables its ks.yaml substitutes (postBuild.substitute), such as the ones its components use."),
        .init("nodeSelector", .map(.string, keys: .any), "Node labels its pod must be scheduled on."),
        .init("gpu", .choice(of: GPUKind.self), "A GPU for hardware transcoding."),
        .init("replicas", .integer(0...100), "The number of pods; 0 scales the app down.", default: 1),
        .init(
            "exportarr", .boolean, "The exportarr metrics sidecar (*arr apps, SABnzbd, Bazarr).", default: false),
        .init(
            "vpn", .either([.boolean, .mapping(vpn)]),
            "A gluetun VPN sidecar for a download client, configured from the Secret <app>-vpn or 'secret'."),
        .init(
            "loadBalancer", .either([.boolean, .mapping(loadBalancer)]),
            "Makes the peer Service (or else the main Service) a LoadBalancer."),
        .init(
            "proxy", .mapping(proxy),
            "Deploys nothing: ExternalName Services and Ingresses for apps on another host."),
        .init(
            "dashboard", .mapping(dashboard),
            "Hajimari's icon and the group Hajimari and Homepage list it under."),
        .init(
            "discovery", .boolean,
            "Homepage only: false turns off its discovery of the stack's apps (ServiceAccount, ClusterRole, annotations).",
            default: true),
        .init(
            "values", .anyMapping,
            "Raw app-template values, deep-merged last, checked against chart.version."),
        .init(
            "extraResources", .list(.string, nonEmpty: false),
            "Hand-written files in the app's app/ folder, listed after the generated ones in its kustomization.yaml."
        ),
    ])

    /// `image` as a mapping.
    package static let image = ConfigTable(
        [
            .init("repository", .string, "The repository, such as ghcr.io/home-operations/sonarr."),
            .init("tag", .string, "The tag, such as 4.0.15."),
            .init("digest", .string, "The digest, such as sha256:…"),
        ],
        required: ["repository"], requiredOneOf: ["tag", "digest"])

    /// `resources`.
    package static let resources = ConfigTable([
        .init("requests", .mapping(amounts), "What the pod is scheduled with."),
        .init("limits", .mapping(amounts), "What the pod may use at most."),
    ])

    /// `resources.requests` and `limits`.
    package static let amounts = ConfigTable([
        .init("cpu", .quantity, "CPU, such as 100m."),
        .init("memory", .quantity, "Memory, such as 128Mi."),
    ])

    /// `secrets.VARIABLE`: exactly one of its keys.
    package static let secret = ConfigTable([
        .init("externalSecret", .mapping(externalSecret), "An item of a ClusterSecretStore."),
        .init("secretRef", .mapping(secretRef), "A key of an existing Secret."),
    ])

    /// `secrets.VARIABLE.externalSecret`.
    package static let externalSecret = ConfigTable(
        [
            .init("store", .string, "The ClusterSecretStore."),
            .init("key", .string, "The item in the store."),
            .init("property", .string, "The property of the item; none takes the item."),
        ],
        required: ["store", "key"])

    /// `secrets.VARIABLE.secretRef`.
    package static let secretRef = ConfigTable(
        [
            .init("name", .string, "The Secret's name."),
            .init("key", .string, "The key in the Secret."),
        ],
        required: ["name", "key"])

    /// `storage` of an app as a mapping.
    package static let appStorage = ConfigTable([
        .init("size", .quantity, "The config PVC's size; by default storage.config.size."),
        .init("storageClass", .name, "The config PVC's storage class; by default storage.config.storageClass."),
        .init("claimName", .name, "The claim's name, to keep the name of a claim that exists."),
    ])

    /// An item of `mounts`.
    package static let mount = ConfigTable(
        [
            .init("volume", .name, "A volume of storage.volumes."),
            .init("path", .string, "The absolute path in the container."),
            .init("subPath", .string, "A folder of the volume, relative."),
            .init("readOnly", .boolean, "Whether the mount is read-only.", default: false),
        ],
        required: ["volume", "path"])

    /// `vpn` as a mapping.
    package static let vpn = ConfigTable([
        .init("secret", .name, "The Secret gluetun reads its settings from; by default <app>-vpn.")
    ])

    /// `loadBalancer` as a mapping.
    package static let loadBalancer = ConfigTable([
        .init("ip", .string, "The IPv4 or IPv6 address to ask the load balancer for.")
    ])

    /// `proxy`.
    package static let proxy = ConfigTable(
        [
            .init("domain", .string, "Each proxied app resolves to <app>.<domain>."),
            .init("port", .integer(1...65_535), "The remote port.", default: 443),
            .init("apps", .list(.name, nonEmpty: true), "The remote apps to route to."),
        ],
        required: ["domain", "apps"])

    /// `dashboard`.
    package static let dashboard = ConfigTable([
        .init("icon", .string, "The dashboard icon."),
        .init("group", .string, "The dashboard group."),
    ])
}
