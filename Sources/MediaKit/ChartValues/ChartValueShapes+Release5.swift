/// The keys app-template 5.1.0 accepts that the pre-release 5.x schema mediactl is compared with
/// (`../shared/schemas/bjw-s/common-5.0.0-pre`) lacks. The released chart's schema (draft 2020-12) could not be
/// had as one consistent set; each key here was read in bjw-s-labs/helm-charts (`charts/library/common/`), in
/// the released 5.x `values.schema.json`, its `schemas/*.json` and the templates that read the values, and in
/// the 4.x → 5.x upgrade notes. What lies below these keys is open: the check only keeps them from being
/// reported as unknown. Every one is marked as release-only in the description
/// (``ValueObject/releaseOnlyKeys``, ``ValueVariants/releaseOnlyVariants``), and the comparison test lists them.
///
/// - `global.createDefaultServiceAccount`: 5.x creates a ServiceAccount per release unless told not to.
/// - `podMonitor.<id>`: PodMonitors beside ServiceMonitors (`schemas/podMonitor.json`, `$id` common-5.1.0).
/// - `externalSecrets.<id>` and `defaultExternalSecretStoreRef`: ExternalSecrets (`schemas/externalSecret.json`;
///   the templates read `.Values.externalSecrets` and `.Values.defaultExternalSecretStoreRef`).
/// - `listenerSets.<id>` (and `listenerSet.<id>`, the name one 5.x release read): Gateway API ListenerSets.
/// - `ciliumNetworkPolicies.<id>`: CiliumNetworkPolicies (the templates read `.Values.ciliumNetworkPolicies`).
/// - `rawResources.<id>.manifest`: 5.x wraps a raw resource in `manifest` (upgrade notes, breaking change 3).
/// - `persistence.<id>` of `type: ephemeral`: generic ephemeral volumes (`accessMode`, `storageClass`, `size`).
/// - `resizePolicy` on a container and on a pod: in-place resizing.
extension ChartValueShapes {
    /// The release-only top-level sections.
    static func addRelease5Sections(to root: inout ValueObject) {
        root.addReleaseOnly([
            "podMonitor": .map(.open),
            "externalSecrets": .map(.open),
            "defaultExternalSecretStoreRef": .open,
            "listenerSets": .map(.open),
            "listenerSet": .map(.open),
            "ciliumNetworkPolicies": .map(.open),
        ])
    }

    /// `global.createDefaultServiceAccount`.
    static func addRelease5Global(to global: inout ValueObject) {
        global.addReleaseOnly(["createDefaultServiceAccount": .boolean])
    }

    /// A raw resource's `manifest`.
    static func addRelease5RawResource(to raw: inout ValueObject) {
        raw.addReleaseOnly(["manifest": .open])
    }

    /// A container's `resizePolicy`.
    static func addRelease5Container(to container: inout ValueObject) {
        container.addReleaseOnly(["resizePolicy": .list(.open)])
    }

    /// A pod's `resizePolicy`.
    static func addRelease5Pod(to pod: inout ValueObject) {
        pod.addReleaseOnly(["resizePolicy": .list(.open)])
    }

    /// The keys of a `type: ephemeral` persistence item besides the mounts.
    static let release5Ephemeral: [String: ValueShape] = [
        "accessMode": .string, "storageClass": .string, "size": .string,
    ]
}
