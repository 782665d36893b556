/// `service`, `ingress`, `route`, `serviceMonitor` and `networkpolicies`.
extension ChartValueShapes {
    /// `service.<id>`: a Service and its ports by name.
    static func service(_ major: Int) -> ValueShape {
        let trafficPolicy = ValueShape.oneOf("Cluster", "Local")
        var port = ValueObject([
            "enabled": .boolean,
            "primary": .boolean,
            "port": .integerOrString,
            "targetPort": .integerOrString,
            "nodePort": .integerOrString,
            "protocol": .oneOf("HTTP", "HTTPS", "TCP", "UDP"),
            "appProtocol": .string,
        ])
        if major >= 5 { port.add(["portRange": .object(["start": .integer, "end": .integer])]) }
        var service = resource(
            major,
            [
                "controller": .string,
                "primary": .boolean,
                "type": .string,
                "ports": .map(.object(port)),
                "clusterIP": .string,
                "externalName": .string,
                "externalIPs": .strings,
                "loadBalancerIP": .string,
                "loadBalancerClass": .string,
                "loadBalancerSourceRanges": .strings,
                "allocateLoadBalancerNodePorts": .boolean,
                "internalTrafficPolicy": trafficPolicy,
                "externalTrafficPolicy": trafficPolicy,
                "sessionAffinity": .oneOf("None", "ClientIP"),
                "sessionAffinityConfig": .open,
                "publishNotReadyAddresses": .boolean,
                "ipFamilyPolicy": .oneOf("SingleStack", "PreferDualStack", "RequireDualStack"),
                "ipFamilies": .list(.oneOf("IPv4", "IPv6")),
                "extraSelectorLabels": .stringMap,
            ])
        if major >= 5 {
            service.add([
                "type": .oneOf("ClusterIP", "NodePort", "LoadBalancer", "ExternalName"),
                "trafficDistribution": .oneOf("PreferClose", "PreferSameZone", "PreferSameNode"),
            ])
        }
        return .object(service)
    }

    /// `ingress.<id>`: an Ingress, its hosts and paths pointing at a Service of the chart.
    static func ingress(_ major: Int) -> ValueShape {
        let path = ValueShape.object([
            "path": .string,
            "pathType": .string,
            "service": .object(["name": .string, "identifier": .string, "port": .integerOrString]),
        ])
        return .object(
            resource(
                major,
                [
                    "className": .string,
                    "defaultBackend": .open,
                    "hosts": .list(.object(["host": .string, "paths": .list(path)])),
                    "tls": .list(.object(["hosts": .strings, "secretName": .string])),
                ]))
    }

    /// `route.<id>`: a Gateway API route, its parents and rules.
    static func route(_ major: Int) -> ValueShape {
        var parent = ValueObject([
            "name": .string, "namespace": .string, "group": .string, "kind": .string, "sectionName": .string,
        ])
        var backend = ValueObject([
            "name": .string, "namespace": .string, "group": .string, "kind": .string, "port": .integerOrString,
            "weight": .integer,
        ])
        var match = ValueObject(["path": .object(["type": .string, "value": .string])])
        var rule = ValueObject(["filters": .list(.open), "timeouts": .open])
        if major >= 4 {
            parent.add(["port": .integer])
            backend.add(["identifier": .string])
            rule.add(["sessionPersistence": .open])
        }
        if major >= 5 {
            let matchType = ValueShape.oneOf("Exact", "RegularExpression")
            let pair = ValueShape.object(["name": .string, "type": matchType, "value": .string])
            match.add([
                "path": .object(["type": .oneOf("Exact", "PathPrefix", "RegularExpression"), "value": .string]),
                "headers": .list(pair),
                "queryParams": .list(pair),
                "method": .object(["type": matchType, "service": .string, "method": .string]),
            ])
            rule.add(["name": .string])
        }
        rule.add(["backendRefs": .list(.object(backend)), "matches": .list(.object(match))])
        return .object(
            resource(
                major,
                [
                    "kind": .oneOf("GRPCRoute", "HTTPRoute", "TCPRoute", "TLSRoute", "UDPRoute"),
                    "hostnames": .strings,
                    "parentRefs": .list(.object(parent)),
                    "rules": .list(.object(rule)),
                ]))
    }

    /// `serviceMonitor.<id>`: a Prometheus ServiceMonitor.
    static func serviceMonitor(_ major: Int) -> ValueShape {
        var monitor = resource(
            major,
            [
                "serviceName": .string,
                "selector": labelSelector,
                "endpoints": .list(.open),
                "targetLabels": .strings,
            ])
        if major >= 4 { monitor.add(["service": .object(["name": .string, "identifier": .string])]) }
        if major >= 5 { monitor.add(["jobLabel": .string]) }
        return .object(monitor)
    }

    /// `networkpolicies.<id>`: a NetworkPolicy for a controller's pods.
    static func networkPolicy(_ major: Int) -> ValueShape {
        .object(
            resource(
                major,
                [
                    "controller": .string,
                    "podSelector": labelSelector,
                    "policyTypes": .strings,
                    "rules": networkPolicyRules,
                ]))
    }
}
