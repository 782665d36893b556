import Foundation
import MediaConfig
import MediaKit
import MediaRender
import MediaTestSupport
import Testing

/// Issue 5's two configs (`Fixtures/render/operations-ingress` and `operations-gateway`): the objects each
/// must produce, and auth on exactly the apps that should have it. The golden trees pin every byte; these
/// tests say what matters in them.
@Suite("operations")
struct OperationsRenderTests {
    /// The rendered tree of a render fixture, by path.
    func tree(_ name: String) throws -> [String: String] {
        let files = Renderer(stack: try RenderFixtureTests.stack(of: name)).render()
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }

    /// The apps whose HelmRelease (or proxy Ingress) contains `marker`.
    func apps(in tree: [String: String], containing marker: String) -> [String] {
        tree.filter { $0.key.hasSuffix("/app/helmrelease.yaml") && $0.value.contains(marker) }
            .map { $0.key.split(separator: "/").dropLast(2).last.map(String.init) ?? "" }
            .sorted()
    }

    @Test("Ingress config: forward auth on exactly the exposed apps whose auth is on, TLS on every route")
    func ingressAuth() throws {
        let tree = try tree("operations-ingress")
        // Plex, Seerr and Wizarr are reached by their own clients; plex-exporter is not exposed.
        #expect(
            apps(in: tree, containing: "nginx.ingress.kubernetes.io/auth-url:")
                == ["prowlarr", "qbittorrent", "radarr", "sabnzbd", "sonarr", "tautulli"])
        let exposed = apps(in: tree, containing: "    ingress:\n")
        #expect(
            exposed == [
                "plex", "prowlarr", "qbittorrent", "radarr", "sabnzbd", "seerr", "sonarr", "tautulli", "wizarr",
            ])
        #expect(apps(in: tree, containing: "cert-manager.io/cluster-issuer: letsencrypt-prod") == exposed)
        #expect(apps(in: tree, containing: "gatus.home-operations.com/enabled: 'true'") == exposed)
        #expect(tree["kubernetes/apps/media/sonarr/app/helmrelease.yaml"]?.contains("secretName: sonarr-tls") == true)
    }

    @Test("Ingress config: K8up, alerts, secrets, ServiceMonitors and network policies per namespace")
    func ingressObjects() throws {
        let tree = try tree("operations-ingress")
        for namespace in ["downloads", "media"] {
            let folder = "kubernetes/apps/\(namespace)"
            let schedule = try #require(tree["\(folder)/k8up-schedule.yaml"])
            #expect(schedule.contains("kind: Schedule") && schedule.contains("schedule: '0 2 * * *'"))
            #expect(schedule.contains("keepDaily: 7\n      keepWeekly: 4\n      keepMonthly: 12\n"))
            #expect(tree["\(folder)/k8up-externalsecret.yaml"]?.contains("key: k8up\n") == true)
            #expect(tree["\(folder)/prometheusrule.yaml"]?.contains("- alert: AppDown\n") == true)
            #expect(tree["\(folder)/networkpolicy.yaml"]?.contains("name: default-deny-ingress") == true)
            let kustomization = try #require(tree["\(folder)/kustomization.yaml"])
            for file in ["k8up-externalsecret", "k8up-schedule", "prometheusrule", "networkpolicy"] {
                #expect(kustomization.contains("  - ./\(file).yaml\n"), "\(namespace) lists \(file)")
            }
        }
        let media = try #require(tree["kubernetes/apps/media/prometheusrule.yaml"])
        for alert in ["PVCAlmostFull", "AppRestarting", "AppDown", "AppHTTPErrors", "DownloadQueueStalled"] {
            #expect(media.contains("- alert: \(alert)\n"), "media alerts \(alert)")
        }
        #expect(tree["kubernetes/apps/downloads/prometheusrule.yaml"]?.contains("sabnzbd_queue_length") == true)
        #expect(
            tree["kubernetes/apps/media/plex-exporter/app/externalsecret.yaml"]?.contains("property: token") == true)
        #expect(tree["kubernetes/apps/media/radarr/app/helmrelease.yaml"]?.contains("name: radarr-api") == true)
        #expect(apps(in: tree, containing: "serviceMonitor:") == ["plex-exporter", "radarr", "sabnzbd", "sonarr"])
        // Config PVCs are backed up, the shared media volume is NFS and has no claim.
        #expect(tree["kubernetes/apps/media/sonarr/app/pvc.yaml"]?.contains("k8up.io/backup: 'true'") == true)
        // Sonarr is called by Prowlarr and Seerr; qBittorrent, in another namespace, by the *arr apps of media.
        let sonarr = try #require(tree["kubernetes/apps/media/sonarr/app/networkpolicy.yaml"])
        #expect(sonarr.contains("- prowlarr\n                  - seerr\n"))
        let qbittorrent = try #require(tree["kubernetes/apps/downloads/qbittorrent/app/networkpolicy.yaml"])
        #expect(qbittorrent.contains("kubernetes.io/metadata.name: media"))
        #expect(qbittorrent.contains("- Egress\n") && qbittorrent.contains("k8s-app: kube-dns"))
        #expect(qbittorrent.contains("port: 6881"), "the LoadBalancer peer port is open to anyone")
        // No secret value is in the tree: every secret is a reference.
        #expect(!tree.values.contains { $0.contains("\nkind: Secret\n") })
    }

    @Test("Gateway config: routes with parentRefs, auth labels on exactly the right apps, VolSync per config PVC")
    func gateway() throws {
        let tree = try tree("operations-gateway")
        #expect(
            apps(in: tree, containing: "auth.home.example.org/forward-auth: 'true'")
                == ["bazarr", "prowlarr", "qbittorrent", "radarr", "sonarr"])
        #expect(apps(in: tree, containing: "    ingress:\n").isEmpty)
        #expect(
            apps(in: tree, containing: "- name: envoy-external\n") == ["bazarr", "jellyfin", "jellyseerr", "sonarr"])
        #expect(apps(in: tree, containing: "- name: envoy-internal\n") == ["prowlarr", "qbittorrent", "radarr"])
        let claims = tree.keys.filter { $0.hasSuffix("/app/pvc.yaml") }.map {
            $0.replacingOccurrences(of: "pvc.yaml", with: "")
        }
        #expect(claims.count == 8)
        for folder in claims {
            let source = try #require(tree[folder + "replicationsource.yaml"], "\(folder) has a ReplicationSource")
            #expect(source.contains("daily: 14\n      weekly: 8\n      monthly: 6\n"))
            let secret = try #require(tree[folder + "volsync-externalsecret.yaml"])
            #expect(secret.contains("RESTIC_REPOSITORY: s3:https://s3.home.example.org/volsync/"))
        }
        #expect(!tree.keys.contains { $0.hasSuffix("k8up-schedule.yaml") })
        #expect(tree["kubernetes/apps/media/networkpolicy.yaml"] != nil)
        #expect(
            tree["kubernetes/apps/media/jellyfin/app/networkpolicy.yaml"]?.contains(
                "kubernetes.io/metadata.name: monitoring") == false)
    }

    @Test("runbooks carry the namespace diagram, restore steps, alert expressions and policies")
    func runbook() throws {
        let tree = try tree("operations-ingress")
        let media = try #require(tree["docs/apps/media.md"])
        #expect(media.contains("```mermaid\nflowchart LR\n"))
        #expect(media.contains("  app_sonarr -->|auth| exposure_external\n"))
        #expect(media.contains("## Backups and restore"))
        #expect(media.contains("| `AppHTTPErrors` | 10m | warning |"))
        #expect(media.contains("## Network policies"))
        let gateway = try #require(try self.tree("operations-gateway")["docs/apps/media.md"])
        #expect(gateway.contains("ReplicationDestination `bazarr-restore`"))
    }

    @Test("security defaults: seccomp everywhere, capabilities by image family")
    func security() throws {
        let tree = try tree("operations-ingress")
        for (path, contents) in tree where path.hasSuffix("helmrelease.yaml") {
            #expect(contents.contains("seccompProfile:\n          type: RuntimeDefault"), "\(path)")
            #expect(contents.contains("drop:\n                  - ALL"), "\(path)")
        }
        // Sonarr's image is rootless; Wizarr's starts as root and drops to PUID/PGID.
        let sonarr = try #require(tree["kubernetes/apps/media/sonarr/app/helmrelease.yaml"])
        #expect(sonarr.contains("readOnlyRootFilesystem: true") && !sonarr.contains("add:\n"))
        let wizarr = try #require(tree["kubernetes/apps/media/wizarr/app/helmrelease.yaml"])
        #expect(wizarr.contains("add:\n                  - CHOWN"))
    }
}
