/// mediactl's own description of the values the bjw-s app-template chart accepts, per supported chart version:
/// which keys exist where, what each holds, and which strings an enumeration allows. The config check uses it
/// on the `values:` a user writes (they are merged over the rendered values, so every key is optional here).
///
/// Written from the chart's values schemas (app-template 3.7.3, 4.1.1 and the 5.x pre-release snapshot, each
/// with its common library) and compared with them by a test, so the two cannot drift apart. Deliberate
/// differences:
/// - Stricter than the schema: the top level of the values (the chart ignores a top-level key it does not know,
///   so a misspelt section would be lost silently); a controller's `strategy` (an enumeration in the chart's
///   templates, `lib/deployment/_validate.tpl` and `lib/statefulset/_validate.tpl` in bjw-s-labs/helm-charts,
///   a plain string in the 3.x and 4.x schemas); a container's `securityContext` and a probe's `spec`, which the
///   schemas leave open to other keys but Kubernetes does not; a Job's `completions` and `completionMode`, a
///   NetworkPolicy's `podSelector` and a Service's `extraSelectorLabels`, which the schemas leave untyped.
/// - Release-only keys for 5.x: keys app-template 5.1.0 accepts that the pre-release snapshot lacks, listed in
///   `ChartValueShapes+Release5.swift`.
///
/// Open (any keys, described no further): the Kubernetes types people rarely write in `values:` and the chart
/// passes through: `affinity`'s three parts, a custom persistence item's `volumeSpec`, an Ingress
/// `defaultBackend`, route `filters`, `timeouts` and `sessionPersistence`, a Service's `sessionAffinityConfig`,
/// a controller's `rollingUpdate`, HorizontalPodAutoscaler `behavior` and `metrics`, ServiceMonitor
/// `endpoints`, RBAC `rules`, a raw resource's `spec` (and 5.x `manifest`), a container SecurityContext's
/// `windowsOptions`, and the release-only 5.x sections.
///
/// Free maps (any key, each value of one shape): `labels`, `annotations`, `nodeSelector`, `env` written as a
/// mapping, ConfigMap `data`, Secret `stringData`, and every collection keyed by an identifier the user chooses
/// (`controllers`, `containers`, `service`, `persistence`…).
public enum ChartValueShapes {
    /// The shape of the whole values mapping for `version`; built once per major version.
    public static func root(for version: ChartSettings.Version) -> ValueShape {
        switch version.major {
        case 3: v3
        case 4: v4
        default: v5
        }
    }

    private static let v3 = values(3)
    private static let v4 = values(4)
    private static let v5 = values(5)

    /// The top level of the values.
    static func values(_ major: Int) -> ValueShape {
        var root = ValueObject([
            "global": global(major),
            "defaultPodOptions": podOptions(major),
            "controllers": .map(controller(major)),
            "configMaps": .map(configMap(major)),
            "secrets": .map(secret(major)),
            "ingress": .map(ingress(major)),
            "route": .map(route(major)),
            "service": .map(service(major)),
            "serviceMonitor": .map(serviceMonitor(major)),
            "networkpolicies": .map(networkPolicy(major)),
            "persistence": .map(persistenceItem(major)),
            "rawResources": .map(rawResource(major)),
        ])
        if major == 3 {
            root.add(["serviceAccount": serviceAccountSettings, "enforceServiceAccountCreation": .boolean])
        } else {
            root.add([
                "serviceAccount": .map(serviceAccount(major)),
                "defaultPodOptionsStrategy": mergeStrategy,
                "rbac": rbac(major),
            ])
        }
        if major >= 5 {
            root.add(["configMapsFromFolder": configMapsFromFolder, "secretsFromFolder": secretsFromFolder])
            addRelease5Sections(to: &root)
        }
        return .object(root)
    }

    /// `global`: chart-wide names and metadata.
    static func global(_ major: Int) -> ValueShape {
        var global = ValueObject([
            "nameOverride": .string,
            "fullnameOverride": .string,
            "propagateGlobalMetadataToPods": .boolean,
            "labels": .stringMap,
            "annotations": .stringMap,
        ])
        if major >= 4 { global.add(["alwaysAppendIdentifierToResourceName": .boolean]) }
        if major >= 5 { addRelease5Global(to: &global) }
        return .object(global)
    }

    /// `overwrite` or `merge`: how defaults combine with what a pod or container sets.
    static let mergeStrategy = ValueShape.oneOf("overwrite", "merge")

    /// The keys every named resource has for its name: `nameOverride` in 3.x; `forceRename`, `prefix` and
    /// `suffix` from 4.x.
    static func naming(_ major: Int) -> [String: ValueShape] {
        major == 3 ? ["nameOverride": .string] : ["forceRename": .string, "prefix": .string, "suffix": .string]
    }

    /// The keys of a named resource of the chart: its name, `enabled`, labels and annotations, and `more`.
    static func resource(_ major: Int, _ more: [String: ValueShape]) -> ValueObject {
        var object = ValueObject(naming(major))
        object.add(["enabled": .boolean, "labels": .stringMap, "annotations": .stringMap])
        object.add(more)
        return object
    }
}
