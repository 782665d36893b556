/// `persistence`, `configMaps`, `secrets`, `serviceAccount`, `rbac` and `rawResources`.
extension ChartValueShapes {
    /// `persistence.<id>`: keys by `type` (the chart makes an item without one a PersistentVolumeClaim; see
    /// ``ValueVariants`` for what the check accepts then).
    static func persistenceItem(_ major: Int) -> ValueShape {
        let mounts: [String: ValueShape] = [
            "enabled": .boolean,
            "globalMounts": globalMounts(major),
            "advancedMounts": .map(.map(.list(mount(major)))),
        ]
        func item(_ fields: [String: ValueShape]) -> ValueObject {
            var item = ValueObject(mounts)
            item.add(fields)
            return item
        }
        let keyItems = ValueShape.list(.object(["key": .string, "path": .string, "mode": .integer]))
        let volumeSource: [String: ValueShape] = [
            "name": .string, "identifier": .string, "defaultMode": .integer, "items": keyItems,
        ]
        var claim = item(naming(major))
        claim.add([
            "existingClaim": .string,
            "accessMode": .string,
            "size": .string,
            "storageClass": .string,
            "volumeName": .string,
            "retain": .boolean,
            "labels": .stringMap,
            "annotations": .stringMap,
            "dataSource": dataSourceReference,
            "dataSourceRef": dataSourceReference,
        ])
        var variants: [(String, ValueObject)] = [
            ("persistentVolumeClaim", claim),
            ("configMap", item(volumeSource)),
            ("secret", item(volumeSource)),
            ("nfs", item(["server": .string, "path": .string])),
            ("emptyDir", item(["medium": .string, "sizeLimit": .string])),
            ("hostPath", item(["hostPath": .string, "hostPathType": .string])),
            ("custom", item(["volumeSpec": .open])),
        ]
        guard major >= 5 else { return .variants(ValueVariants(key: "type", variants)) }
        let imageReference = ValueShape.object(["repository": .string, "tag": .integerOrString, "digest": .string])
        variants.append(
            (
                "image",
                item([
                    "image": .either([.string, imageReference]),
                    "pullPolicy": .oneOf("Always", "IfNotPresent", "Never"),
                ])
            ))
        // Release-only (see ChartValueShapes+Release5.swift): a generic ephemeral volume.
        variants.append(("ephemeral", item(release5Ephemeral)))
        return .variants(ValueVariants(key: "type", variants, releaseOnly: ["ephemeral"]))
    }

    /// Where a volume is mounted in every container.
    static func globalMounts(_ major: Int) -> ValueShape { .list(mount(major)) }

    /// One mount of a volume: where, and how.
    static func mount(_ major: Int) -> ValueShape {
        var mount = ValueObject([
            "path": .string, "readOnly": .boolean, "subPath": .string, "mountPropagation": .string,
        ])
        if major >= 4 { mount.add(["subPathExpr": .string]) }
        return .object(mount)
    }

    /// `configMaps.<id>`: a ConfigMap the chart creates.
    static func configMap(_ major: Int) -> ValueShape {
        var configMap = resource(
            major, ["includeInChecksum": .boolean, "data": .stringMap, "binaryData": .stringMap])
        if major >= 5 { configMap.add(["includeChecksumInControllers": .strings]) }
        return .object(configMap)
    }

    /// `secrets.<id>`: a Secret the chart creates.
    static func secret(_ major: Int) -> ValueShape {
        var secret = resource(major, ["includeInChecksum": .boolean, "type": .string, "stringData": .stringMap])
        if major >= 5 { secret.add(["includeChecksumInControllers": .strings]) }
        return .object(secret)
    }

    /// 3.x: one ServiceAccount with extra ones by name.
    static let serviceAccountSettings: ValueShape = {
        let account: [String: ValueShape] = [
            "create": .boolean, "name": .string, "labels": .stringMap, "annotations": .stringMap,
        ]
        var settings = ValueObject(account)
        settings.add(["extraServiceAccounts": .map(.object(account))])
        return .object(settings)
    }()

    /// From 4.x: `serviceAccount.<id>`.
    static func serviceAccount(_ major: Int) -> ValueShape {
        .object(resource(major, ["staticToken": .boolean]))
    }

    /// `rbac`: Roles and RoleBindings (4.x and later).
    static func rbac(_ major: Int) -> ValueShape {
        let kind = ValueShape.oneOf("Role", "ClusterRole")
        return .object([
            "roles": .map(.object(resource(major, ["type": kind, "rules": .list(.open)]))),
            "bindings": .map(
                .object(
                    resource(
                        major,
                        [
                            "type": .oneOf("RoleBinding", "ClusterRoleBinding"),
                            "roleRef": .object(["identifier": .string, "name": .string, "kind": kind]),
                            "subjects": .list(
                                .object([
                                    "identifier": .string, "name": .string, "kind": .string, "namespace": .string,
                                ])),
                        ]))),
        ])
    }

    /// `rawResources.<id>`: any other object, passed through.
    static func rawResource(_ major: Int) -> ValueShape {
        var raw = resource(major, ["apiVersion": .string, "kind": .string, "spec": .open])
        // 3.7.3 took `forceRename` here already, beside `nameOverride`.
        if major == 3 { raw.add(["forceRename": .string]) }
        if major >= 5 { addRelease5RawResource(to: &raw) }
        return .object(raw)
    }

    /// 5.x `configMapsFromFolder`: ConfigMaps made from files in the chart's folder.
    static let configMapsFromFolder = ValueShape.object([
        "enabled": .boolean,
        "basePath": .string,
        "autoDetectBinary": .boolean,
        "configMapsOverrides": .map(folderOverride),
    ])

    /// 5.x `secretsFromFolder`: Secrets made from files in the chart's folder.
    static let secretsFromFolder = ValueShape.object([
        "enabled": .boolean,
        "basePath": .string,
        "overrides": .map(folderOverride),
    ])

    /// The overrides of one ConfigMap or Secret made from a folder.
    static let folderOverride = ValueShape.object([
        "forceRename": .string,
        "labels": .stringMap,
        "annotations": .stringMap,
        "fileAttributeOverrides": .map(
            .object(["exclude": .boolean, "binary": .boolean, "escaped": .boolean, "isEnvFile": .boolean])),
    ])
}
