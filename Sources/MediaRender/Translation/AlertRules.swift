import MediaKit

/// The alerts of one namespace's PrometheusRule (seed 001: PVC above 80 %, pod restarts, HTTP 5xx above 1 %,
/// download queues; seed 002: pod restarts, queue size). Each reads metrics the usual home-ops stack
/// already collects: kubelet volume stats, kube-state-metrics, the ingress controller, exportarr.
struct AlertRules {
    /// One alerting rule.
    struct Rule: Hashable {
        var name: String
        var expression: String
        var duration: String
        var severity: String
        var summary: String
    }

    /// The name of the PVC usage alert.
    static let volumeAlertName = "PVCAlmostFull"

    let namespace: String
    let apps: [ResolvedApp]
    let stack: Stack

    /// The rules, in a fixed order; rules whose metrics the namespace cannot have are left out.
    var rules: [Rule] {
        var rules = [volumeUsage, restarts]
        if let appDown { rules.append(appDown) }
        if let httpErrors { rules.append(httpErrors) }
        rules += stalledQueues
        return rules
    }

    private var selector: String { "namespace=\"\(namespace)\"" }

    /// kubelet's volume stats cover every mounted PVC (not NFS volumes mounted directly).
    private var volumeUsage: Rule {
        Rule(
            name: Self.volumeAlertName,
            expression:
                "kubelet_volume_stats_used_bytes{\(selector)} / kubelet_volume_stats_capacity_bytes{\(selector)} > 0.8",
            duration: "15m", severity: "warning",
            summary: "PVC {{ $labels.persistentvolumeclaim }} is {{ $value | humanizePercentage }} full")
    }

    /// kube-state-metrics' restart counter.
    private var restarts: Rule {
        Rule(
            name: "AppRestarting",
            expression: "increase(kube_pod_container_status_restarts_total{\(selector)}[1h]) > 3",
            duration: "5m", severity: "warning",
            summary: "container {{ $labels.container }} of pod {{ $labels.pod }} restarted more than 3 times in an hour"
        )
    }

    /// Deployments that should run but have no available pod. The main controller's Deployment has the app's
    /// name; one scaled to zero on purpose does not fire.
    private var appDown: Rule? {
        let names = apps.filter(\.runsDeployment).map(\.name.rawValue).sortedByBytes()
        guard !names.isEmpty else { return nil }
        let deployments = "\(selector),deployment=~\"\(names.joined(separator: "|"))\""
        return Rule(
            name: "AppDown",
            expression: "kube_deployment_spec_replicas{\(deployments)} > 0 "
                + "and kube_deployment_status_replicas_available{\(deployments)} == 0",
            duration: "5m", severity: "critical",
            summary: "{{ $labels.deployment }} has no available pod")
    }

    /// HTTP 5xx above 1 % per Ingress, from ingress-nginx. Prometheus keeps the controller's own namespace in
    /// `namespace`, so the Ingress's namespace is `exported_namespace` (as in the ingress-nginx mixin).
    private var httpErrors: Rule? {
        guard stack.exposure.mode == .ingress, stack.monitoring.ingressController == .ingressNginx,
            apps.contains(where: { $0.exposure != .none })
        else { return nil }
        let requests = "nginx_ingress_controller_requests{exported_namespace=\"\(namespace)\""
        return Rule(
            name: "AppHTTPErrors",
            expression: "sum by (ingress) (rate(\(requests),status=~\"5..\"}[5m])) "
                + "/ sum by (ingress) (rate(\(requests)}[5m])) > 0.01",
            duration: "10m", severity: "warning",
            summary: "{{ $value | humanizePercentage }} of requests to Ingress {{ $labels.ingress }} fail with 5xx")
    }

    /// A download queue with items that has not changed for six hours (the *arr apps' `<app>_queue_total`),
    /// or SABnzbd with a queue, not paused, downloading nothing for an hour. Only apps with the exportarr
    /// sidecar have these metrics.
    private var stalledQueues: [Rule] {
        var rules: [Rule] = []
        // exportarr's queue collector runs for the library managers (not Prowlarr or Bazarr).
        let arrMetrics = Set(apps.filter { $0.category == .arr }.compactMap(\.exportarrMode))
            .sortedByBytes().map { "\($0)_queue_total" }
        if !arrMetrics.isEmpty {
            let series = "{__name__=~\"\(arrMetrics.joined(separator: "|"))\",\(selector)}"
            rules.append(
                Rule(
                    name: "DownloadQueueStalled",
                    expression: "sum by (namespace, service) (changes(\(series)[6h])) == 0 "
                        + "and sum by (namespace, service) (\(series)) > 0",
                    duration: "15m", severity: "warning",
                    summary: "the download queue of {{ $labels.service }} has not moved for 6 hours"))
        }
        if apps.contains(where: { $0.exportarrMode == "sabnzbd" }) {
            rules.append(
                Rule(
                    name: "DownloadQueueStalled",
                    expression: "sabnzbd_queue_length{\(selector)} > 0 "
                        + "and on (namespace, service) rate(sabnzbd_downloaded_bytes{\(selector)}[1h]) == 0 "
                        + "and on (namespace, service) sabnzbd_paused{\(selector)} == 0",
                    duration: "1h", severity: "warning",
                    summary: "SABnzbd {{ $labels.service }} has a queue but downloaded nothing for an hour"))
        }
        return rules
    }
}
