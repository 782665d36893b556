/// Pod options: `defaultPodOptions` and `controllers.<id>.pod`.
extension ChartValueShapes {
    /// The options of a pod, for every controller (`defaultPodOptions`) or one (`pod`).
    static func podOptions(_ major: Int) -> ValueShape {
        var pod = ValueObject([
            "labels": .stringMap,
            "annotations": .stringMap,
            "affinity": affinity,
            "automountServiceAccountToken": .boolean,
            "dnsConfig": .object([
                "nameservers": .strings,
                "searches": .strings,
                "options": .list(.object(["name": .string, "value": .string])),
            ]),
            "dnsPolicy": .string,
            "enableServiceLinks": .boolean,
            "hostAliases": .list(.object(["ip": .string, "hostnames": .strings])),
            "hostIPC": .boolean,
            "hostNetwork": .boolean,
            "hostPID": .boolean,
            "hostUsers": .boolean,
            "hostname": .string,
            "imagePullSecrets": .list(.object(["name": .string])),
            "nodeSelector": .stringMap,
            "priorityClassName": .string,
            "restartPolicy": .string,
            "runtimeClassName": .string,
            "schedulerName": .string,
            "securityContext": podSecurityContext(major),
            "shareProcessNamespace": .boolean,
            "terminationGracePeriodSeconds": .integer,
            "tolerations": .list(toleration),
            "topologySpreadConstraints": .list(topologySpreadConstraint),
        ])
        if major >= 4 { pod.add(["resources": resourceRequirements]) }
        if major >= 5 {
            pod.add([
                "resourceClaims": .list(
                    .object(["name": .string, "resourceClaimName": .string, "resourceClaimTemplateName": .string])),
                "schedulingGates": .list(.object(["name": .string])),
            ])
            addRelease5Pod(to: &pod)
        }
        return .object(pod)
    }
}
