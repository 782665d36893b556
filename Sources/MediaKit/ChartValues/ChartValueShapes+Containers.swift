/// Containers: `controllers.<id>.containers.<id>`, `initContainers.<id>` and `defaultContainerOptions`.
extension ChartValueShapes {
    /// A container or init container.
    static func container(_ major: Int) -> ValueShape {
        var container = ValueObject([
            "enabled": .boolean,
            "nameOverride": .string,
            "dependsOn": .stringOrStrings,
            "image": image(major),
            "command": .stringOrStrings,
            "args": .stringOrStrings,
            "workingDir": .string,
            "env": env(major),
            "envFrom": envFrom,
            "ports": .list(containerPort),
            "probes": .object(["liveness": probe, "readiness": probe, "startup": probe]),
            "lifecycle": lifecycle,
            "resources": resourceRequirements,
            "securityContext": securityContext,
            "restartPolicy": .string,
            "stdin": .boolean,
            "tty": .boolean,
            "terminationMessagePath": .string,
            "terminationMessagePolicy": .oneOf("File", "FallbackToLogsOnError"),
        ])
        if major >= 5 { addRelease5Container(to: &container) }
        return .object(container)
    }

    /// `defaultContainerOptions`: what every container of the controller gets unless it sets its own.
    static func defaultContainerOptions(_ major: Int) -> ValueShape {
        .object([
            "image": image(major),
            "command": .stringOrStrings,
            "args": .stringOrStrings,
            "env": env(major),
            "envFrom": envFrom,
            "resources": resourceRequirements,
            "securityContext": securityContext,
        ])
    }

    /// A container's image; the tag may be a number.
    static func image(_ major: Int) -> ValueShape {
        var image = ValueObject([
            "repository": .string,
            "tag": .integerOrString,
            "pullPolicy": .oneOf("Always", "IfNotPresent", "Never"),
        ])
        if major >= 5 { image.add(["digest": .string]) }
        return .object(image)
    }

    /// A probe as the chart reads it: its own switches around a Kubernetes probe (`spec`).
    static let probe = ValueShape.object([
        "enabled": .boolean,
        "custom": .boolean,
        "type": .oneOf("TCP", "HTTP", "HTTPS", "GRPC", "AUTO"),
        "path": .string,
        "port": .integerOrString,
        "service": .string,
        "spec": kubernetesProbe,
    ])

    /// `env`: a list of Kubernetes-style variables, or a mapping of names to a value or a source.
    static func env(_ major: Int) -> ValueShape {
        let sources: [String: ValueShape] = [
            "valueFrom": valueFrom(major),
            "fieldRef": fieldReference,
            "resourceFieldRef": resourceFieldReference,
            "secretKeyRef": keyReference,
            "configMapKeyRef": keyReference,
        ]
        var listItem = ValueObject(sources)
        listItem.add(["name": .string, "value": envValue])
        var mapItem = ValueObject(sources)
        mapItem.add(["value": envValue, "dependsOn": .stringOrStrings])
        return .either([.list(.object(listItem)), .map(.either([envValue, .object(mapItem)]))])
    }

    /// The value of an environment variable: the chart quotes it.
    static let envValue = ValueShape.scalar([.string, .integer, .boolean])

    /// An environment variable's `valueFrom` source.
    static func valueFrom(_ major: Int) -> ValueShape {
        var source = ValueObject([
            "fieldRef": fieldReference,
            "resourceFieldRef": resourceFieldReference,
            "secretKeyRef": keyReference,
            "configMapKeyRef": keyReference,
        ])
        if major >= 5 {
            source.add([
                "fileKeyRef": .object([
                    "volumeName": .string, "path": .string, "key": .string, "optional": .boolean,
                ])
            ])
        }
        return .object(source)
    }

    /// A `fieldRef`: a field of the pod.
    static let fieldReference = ValueShape.object(["apiVersion": .string, "fieldPath": .string])
    /// A `resourceFieldRef`: a container's request or limit.
    static let resourceFieldReference = ValueShape.object([
        "containerName": .string, "resource": .string, "divisor": .integerOrString,
    ])
    /// A `secretKeyRef` or `configMapKeyRef`, as the chart has it (no `optional`).
    static let keyReference = ValueShape.object(["name": .string, "key": .string])

    /// `envFrom`: whole Secrets and ConfigMaps as variables, by name or by identifier in the chart.
    static let envFrom: ValueShape = {
        let reference = ValueShape.object(["name": .string, "identifier": .string, "optional": .boolean])
        return .list(
            .object([
                "configMap": .string,
                "configMapRef": reference,
                "secret": .string,
                "secretRef": reference,
                "prefix": .string,
            ]))
    }()
}
