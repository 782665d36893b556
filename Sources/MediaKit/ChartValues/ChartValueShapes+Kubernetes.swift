/// The Kubernetes API types the chart embeds, as far as people write them in `values:`. Described closed (a
/// misspelt `periodSecond` is an error) even where the chart's schema leaves them open; `affinity`'s parts stay
/// open.
extension ChartValueShapes {
    /// `core/v1` Probe: the `spec` of a custom probe.
    static let kubernetesProbe = ValueShape.object([
        "exec": execAction,
        "httpGet": httpGetAction,
        "tcpSocket": tcpSocketAction,
        "grpc": .object(["port": .integer, "service": .string]),
        "initialDelaySeconds": .integer,
        "periodSeconds": .integer,
        "timeoutSeconds": .integer,
        "successThreshold": .integer,
        "failureThreshold": .integer,
        "terminationGracePeriodSeconds": .integer,
    ])

    /// `core/v1` ExecAction.
    static let execAction = ValueShape.object(["command": .strings])
    /// `core/v1` HTTPGetAction.
    static let httpGetAction = ValueShape.object([
        "host": .string,
        "path": .string,
        "port": .integerOrString,
        "scheme": .string,
        "httpHeaders": .list(.object(["name": .string, "value": .string])),
    ])
    /// `core/v1` TCPSocketAction.
    static let tcpSocketAction = ValueShape.object(["host": .string, "port": .integerOrString])

    /// `core/v1` Lifecycle: `postStart` and `preStop` hooks.
    static let lifecycle: ValueShape = {
        let handler = ValueShape.object([
            "exec": execAction,
            "httpGet": httpGetAction,
            "tcpSocket": tcpSocketAction,
            "sleep": .object(["seconds": .integer]),
        ])
        return .object(["postStart": handler, "preStop": handler])
    }()

    /// `core/v1` ResourceRequirements; quantities are strings or whole numbers.
    static let resourceRequirements = ValueShape.object([
        "requests": .map(.integerOrString),
        "limits": .map(.integerOrString),
        "claims": .list(.object(["name": .string])),
    ])

    /// `core/v1` ContainerPort.
    static let containerPort = ValueShape.object([
        "name": .string,
        "containerPort": .integer,
        "protocol": .string,
        "hostIP": .string,
        "hostPort": .integer,
    ])

    /// `core/v1` SELinuxOptions.
    static let seLinuxOptions = ValueShape.object([
        "level": .string, "role": .string, "type": .string, "user": .string,
    ])
    /// `core/v1` SeccompProfile.
    static let seccompProfile = ValueShape.object(["type": .string, "localhostProfile": .string])

    /// `core/v1` SecurityContext of a container. The chart's schema leaves it open; Kubernetes does not, so it
    /// is described with the keys of Kubernetes 1.33 (`appArmorProfile` and `windowsOptions` are newer than the
    /// chart's copy of the API).
    static let securityContext = ValueShape.object([
        "allowPrivilegeEscalation": .boolean,
        "capabilities": .object(["add": .strings, "drop": .strings]),
        "privileged": .boolean,
        "procMount": .string,
        "readOnlyRootFilesystem": .boolean,
        "runAsGroup": .integer,
        "runAsNonRoot": .boolean,
        "runAsUser": .integer,
        "seLinuxOptions": seLinuxOptions,
        "seccompProfile": seccompProfile,
        "appArmorProfile": .object(["type": .string, "localhostProfile": .string]),
        "windowsOptions": .open,
    ])

    /// `core/v1` PodSecurityContext, as the chart's schema has it (closed).
    static func podSecurityContext(_ major: Int) -> ValueShape {
        var context = ValueObject([
            "fsGroup": .integer,
            "fsGroupChangePolicy": .string,
            "runAsGroup": .integer,
            "runAsNonRoot": .boolean,
            "runAsUser": .integer,
            "supplementalGroups": .list(.integer),
            "seLinuxOptions": seLinuxOptions,
            "seccompProfile": seccompProfile,
            "sysctls": .list(.object(["name": .string, "value": .string])),
        ])
        if major >= 5 { context.add(["supplementalGroupsPolicy": .oneOf("Merge", "Strict")]) }
        return .object(context)
    }

    /// `core/v1` Toleration.
    static let toleration = ValueShape.object([
        "key": .string,
        "operator": .string,
        "value": .string,
        "effect": .string,
        "tolerationSeconds": .integer,
    ])

    /// `meta/v1` LabelSelector.
    static let labelSelector = ValueShape.object([
        "matchLabels": .stringMap,
        "matchExpressions": .list(.object(["key": .string, "operator": .string, "values": .strings])),
    ])

    /// `core/v1` TopologySpreadConstraint.
    static let topologySpreadConstraint = ValueShape.object([
        "maxSkew": .integer,
        "topologyKey": .string,
        "whenUnsatisfiable": .string,
        "labelSelector": labelSelector,
        "matchLabelKeys": .strings,
        "minDomains": .integer,
        "nodeAffinityPolicy": .string,
        "nodeTaintsPolicy": .string,
    ])

    /// `core/v1` Affinity: its three parts, each open.
    static let affinity = ValueShape.object(["nodeAffinity": .open, "podAffinity": .open, "podAntiAffinity": .open])

    /// `networking/v1` NetworkPolicy rules, as the chart takes them under `rules`.
    static let networkPolicyRules: ValueShape = {
        let peer = ValueShape.object([
            "ipBlock": .object(["cidr": .string, "except": .strings]),
            "namespaceSelector": labelSelector,
            "podSelector": labelSelector,
        ])
        let port = ValueShape.object(["port": .integerOrString, "endPort": .integer, "protocol": .string])
        return .object([
            "ingress": .list(.object(["from": .list(peer), "ports": .list(port)])),
            "egress": .list(.object(["to": .list(peer), "ports": .list(port)])),
        ])
    }()

    /// A PersistentVolumeClaim's `dataSource` or `dataSourceRef`.
    static let dataSourceReference = ValueShape.object(["apiGroup": .string, "kind": .string, "name": .string])
}
