import MediaKit
import MediaYAML

/// Every mapping of `mediactl.yaml` (version 1) and its keys: the tables ``ConfigDecoder`` decodes with (the keys it
/// accepts and suggests) and ``ConfigSchema`` describes. Summaries follow `Docs/Config.md`; defaults come from the
/// settings types, so each is stated once.
package enum ConfigKeys {
    /// The top level.
    package static let root = ConfigTable(
        [
            .init("version", .constant(ConfigDecoder.supportedVersion), "The format version; must be 1."),
            .init("repo", .mapping(repo), "Where generated files go in the Flux repository."),
            .init("cluster", .mapping(cluster), "Domain, time zone, user ids and load balancer of the cluster."),
            .init("chart", .mapping(chart), "The bjw-s app-template chart every app is rendered with."),
            .init(
                "namespace", .name, "The default namespace of every app.",
                default: .string(Stack().namespace)),
            .init("exposure", .mapping(exposure), "Ingress or Gateway API, classes, forward auth, TLS."),
            .init("storage", .mapping(storage), "Config PVCs, shared volumes and the media volume."),
            .init("backups", .mapping(backups), "Backups of config volumes (K8up or VolSync)."),
            .init("monitoring", .mapping(monitoring), "Gatus checks, ServiceMonitors and alerts; all off by default."),
            .init(
                "networkPolicies", .either([.boolean, .mapping(networkPolicies)]),
                "true (or a mapping) renders a default-deny policy plus the flows the apps need.",
                default: false),
            .init(
                "apps", .map(.orEmpty(.mapping(app)), keys: .appNames),
                "The apps, by name (a DNS-1123 label: it names the folder, the Flux Kustomization, the HelmRelease "
                    + "and the Service). An app runs the catalog service of its name unless 'service' says otherwise."
            ),
        ],
        required: ["version", "apps"])

    /// `repo`.
    package static let repo = ConfigTable([
        .init(
            "appsDir", .string, "The folder of namespaces and apps, relative to the repository root.",
            default: .string(RepoSettings().appsDir)),
        .init(
            "docsDir", .either([.string, .off]),
            "The folder of generated runbooks, relative to the repository root; false turns runbooks off.",
            default: RepoSettings().docsDir.map(YAMLValue.string)),
        .init("source", .mapping(source), "The sourceRef of every Flux Kustomization."),
        .init(
            "substituteFrom", .list(.name, nonEmpty: false),
            "Secrets for postBuild.substituteFrom of every ks.yaml; by default cluster-secrets when a rendered "
                + "value uses a ${VARIABLE}, else none."),
        .init(
            "handWrittenNamespaces", .list(.name, nonEmpty: false),
            "Namespaces whose folder files (kustomization.yaml, namespace.yaml) stay hand-written: render writes only "
                + "the app folders and the other namespace files there, and check asks the kustomization.yaml to list "
                + "them."),
        .init(
            "renovate", .either([.string, .off]),
            "Where render writes the Renovate preset (a path ending in .json5); false writes none.",
            default: RepoSettings().renovatePreset.map(YAMLValue.string)),
        .init(
            "schema", .either([.string, .off]),
            "Where render writes the JSON Schema of this file (a path ending in .json), for the "
                + "'# yaml-language-server: $schema=' line; false writes none.",
            default: RepoSettings().schema.map(YAMLValue.string)),
    ])

    /// `repo.source`.
    package static let source = ConfigTable([
        .init(
            "kind", .choice(of: FluxSourceReference.Kind.self), "The kind of the Flux source.",
            default: .string(FluxSourceReference().kind.rawValue)),
        .init("name", .name, "The source's name.", default: .string(FluxSourceReference().name)),
        .init("namespace", .name, "The source's namespace.", default: .string(FluxSourceReference().namespace)),
    ])

    /// `cluster`.
    package static let cluster = ConfigTable([
        .init(
            "domain", .string, "Hosts are <host>.<domain>; a Flux substitution variable is usual.",
            default: .string(ClusterSettings().domain)),
        .init(
            "timezone", .string, "The TZ of every app, such as Europe/Zurich.",
            default: .string(ClusterSettings().timezone)),
        .init("user", .mapping(user), "The user and group ids apps run as."),
        .init(
            "loadBalancer", .choice(of: LoadBalancerImplementation.self),
            "The load balancer that reads an app's loadBalancer.ip from its annotation.",
            default: .string(ClusterSettings().loadBalancer.rawValue)),
    ])

    /// `cluster.user`.
    package static let user = ConfigTable([
        .init("uid", .integer(0...2_147_483_647), "The user id.", default: .integer(ClusterSettings().user.uid)),
        .init("gid", .integer(0...2_147_483_647), "The group id.", default: .integer(ClusterSettings().user.gid)),
    ])

    /// `chart`.
    package static let chart = ConfigTable([
        .init(
            "version", .choice(of: ChartSettings.Version.self),
            "The app-template version the values are shaped for; Renovate bumps it here.",
            default: .string(ChartSettings().version.rawValue)),
        .init(
            "source", .choice(of: ChartSettings.Source.self),
            "oci: a per-app OCIRepository and chartRef; helm-repository: a shared HelmRepository.",
            default: .string(ChartSettings().source.rawValue)),
    ])

    /// `exposure`.
    package static let exposure = ConfigTable([
        .init(
            "mode", .choice(of: ExposureSettings.Mode.self), "ingress renders Ingress objects, gateway HTTPRoutes.",
            default: .string(ExposureSettings().mode.rawValue)),
        .init("classes", .mapping(classes), "The ingress class of each exposure level."),
        .init("auth", .mapping(auth), "Forward auth, added to exposed apps whose auth is true."),
        .init("tls", .mapping(tls), "TLS certificates from cert-manager."),
        .init("gateways", .mapping(gateways), "The gateways routes attach to, in gateway mode."),
    ])

    /// `exposure.classes`.
    package static let classes = ConfigTable([
        .init("internal", .mapping(ingressClass), "The class of internal Ingresses."),
        .init("external", .mapping(ingressClass), "The class of external Ingresses."),
    ])

    /// `exposure.classes.internal` and `external`.
    package static let ingressClass = ConfigTable([
        .init("className", .name, "The ingress class name.")
    ])

    /// `exposure.auth`.
    package static let auth = ConfigTable([
        .init(
            "annotations", .map(.string, keys: .any),
            "Annotations added to the Ingress of exposed apps whose auth is true."),
        .init(
            "labels", .map(.string, keys: .any),
            "Labels added to the Ingress or HTTPRoute of exposed apps whose auth is true, for a policy outside "
                + "mediactl to select."),
    ])

    /// `exposure.tls`.
    package static let tls = ConfigTable([
        .init("issuer", .name, "The cert-manager ClusterIssuer of every exposed host.")
    ])

    /// `exposure.gateways`.
    package static let gateways = ConfigTable([
        .init("internal", .mapping(gateway), "The gateway of internal routes (default envoy-internal in network)."),
        .init("external", .mapping(gateway), "The gateway of external routes (default envoy-external in network)."),
    ])

    /// `exposure.gateways.internal` and `external`.
    package static let gateway = ConfigTable(
        [
            .init("name", .name, "The Gateway's name."),
            .init("namespace", .name, "The Gateway's namespace."),
            .init("sectionName", .name, "The listener routes attach to; none attaches to every listener."),
        ],
        required: ["name", "namespace"])

    /// `storage`.
    package static let storage = ConfigTable([
        .init("config", .mapping(storageConfig), "The config PVC of every app."),
        .init(
            "volumes", .map(.oneKeyOf(volume), keys: .names),
            "Named shared volumes: each is nfs, pvc or existingClaim."),
        .init(
            "media", .either([.name, .mapping(media)]),
            "The volume holding downloads and the library: every app mounts it by its media role."),
    ])

    /// `storage.config`.
    package static let storageConfig = ConfigTable([
        .init("storageClass", .name, "The storage class of config PVCs; none uses the cluster's default."),
        .init("size", .quantity, "The size of each config PVC.", default: .string(StorageSettings().config.size)),
        .init(
            "claimNames", .choice(of: ClaimNaming.self),
            "How config PVCs are named: <app>-config, or <app>. Changing it renames every claim.",
            default: .string(StorageSettings().config.claimNames.rawValue)),
    ])

    /// `storage.volumes.NAME`: exactly one of its keys.
    package static let volume = ConfigTable([
        .init("nfs", .mapping(nfs), "An NFS export, mounted directly."),
        .init("pvc", .mapping(pvc), "A PVC named after the volume, rendered in every namespace that mounts it."),
        .init("existingClaim", .name, "A PVC managed elsewhere."),
    ])

    /// `storage.volumes.NAME.nfs`.
    package static let nfs = ConfigTable(
        [
            .init("server", .string, "The NFS server's host name or IP address."),
            .init("path", .string, "The exported path, absolute."),
        ],
        required: ["server", "path"])

    /// `storage.volumes.NAME.pvc`.
    package static let pvc = ConfigTable(
        [
            .init("storageClass", .name, "The storage class; none uses the cluster's default."),
            .init("size", .quantity, "The claim's size, such as 1Ti."),
            .init(
                "accessMode", .choice(of: SharedVolume.AccessMode.self), "The claim's access mode.",
                default: .string(SharedVolume.AccessMode.readWriteMany.rawValue)),
        ],
        required: ["size"])

    /// `storage.media` as a mapping.
    package static let media = ConfigTable(
        [
            .init("volume", .name, "The shared volume."),
            .init(
                "path", .string, "Where apps mount its root.", default: .string(StorageSettings().mediaPath)),
        ],
        required: ["volume"])

    /// `backups`.
    package static let backups = ConfigTable([
        .init(
            "engine", .choice(of: BackupSettings.Engine.self),
            "k8up: one K8up Schedule per namespace; volsync: one ReplicationSource per config PVC.",
            default: .string(BackupSettings().engine.rawValue)),
        .init(
            "schedule", .string, "A cron schedule with five fields, or @daily and the like.",
            default: .string(BackupSettings().schedule)),
        .init("retention", .mapping(retention), "How many daily, weekly and monthly snapshots to keep."),
        .init("repository", .mapping(backupRepository), "The S3 endpoint and bucket; required with an engine."),
        .init(
            "credentials", .mapping(backupCredentials),
            "Where the repository's credentials come from; none means you create the Secrets."),
        .init(
            "copyMethod", .choice(of: BackupSettings.CopyMethod.self),
            "VolSync only; Direct needs no CSI snapshots.",
            default: .string(BackupSettings().copyMethod.rawValue)),
    ])

    /// `backups.retention`.
    package static let retention = ConfigTable([
        .init(
            "daily", .integer(0...1000), "Daily snapshots kept.", default: .integer(BackupSettings().retention.daily)),
        .init(
            "weekly", .integer(0...1000), "Weekly snapshots kept.",
            default: .integer(BackupSettings().retention.weekly)),
        .init(
            "monthly", .integer(0...1000), "Monthly snapshots kept.",
            default: .integer(BackupSettings().retention.monthly)),
    ])

    /// `backups.repository`.
    package static let backupRepository = ConfigTable(
        [
            .init("endpoint", .string, "The S3 endpoint, [http[s]://]host[:port]; ${VAR} works."),
            .init("bucket", .string, "The S3 bucket; ${VAR} works."),
        ],
        required: ["endpoint", "bucket"])

    /// `backups.credentials`.
    package static let backupCredentials = ConfigTable([
        .init(
            "externalSecret", .mapping(backupSecret),
            "An ExternalSecret item holding RESTIC_PASSWORD, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.")
    ])

    /// `backups.credentials.externalSecret`.
    package static let backupSecret = ConfigTable(
        [
            .init("store", .name, "The ClusterSecretStore."),
            .init("key", .string, "The item in the store."),
        ],
        required: ["store", "key"])

    /// `monitoring`.
    package static let monitoring = ConfigTable([
        .init(
            "gatus", .choice(of: MonitoringSettings.GatusMode.self),
            "Gatus checks of exposed apps: true opts every route in, auto writes only the overrides for a sidecar "
                + "that discovers routes itself.",
            default: false),
        .init(
            "serviceMonitors", .boolean, "ServiceMonitors for every metrics port.",
            default: .boolean(MonitoringSettings().serviceMonitors)),
        .init(
            "alerts", .boolean, "A PrometheusRule per namespace.", default: .boolean(MonitoringSettings().alerts)),
        .init(
            "ingressController", .choice(of: MonitoringSettings.IngressController.self),
            "Whose request metrics the HTTP 5xx alert reads.",
            default: .string(MonitoringSettings().ingressController.rawValue)),
    ])

    /// `networkPolicies` as a mapping.
    package static let networkPolicies = ConfigTable([
        .init(
            "ingressNamespace", .name, "The namespace of the ingress controller or gateway.",
            default: .string(NetworkPolicySettings().ingressNamespace)),
        .init(
            "monitoringNamespace", .name, "The namespace of Prometheus.",
            default: .string(NetworkPolicySettings().monitoringNamespace)),
    ])
}
