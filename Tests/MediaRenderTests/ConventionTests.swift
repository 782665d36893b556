import Foundation
import MediaConfig
import MediaKit
import MediaRender
import Testing

/// The conventions of current home-ops repositories that mediactl applies by default (issue 22): each
/// test renders a small config and looks at the file the convention lives in.
@Suite("home-ops conventions")
struct ConventionTests {
    /// The rendered files of `config`, by path.
    static func render(_ config: String) throws -> [String: String] {
        let result = ConfigLoader.load(text: config)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let stack = try #require(result.stack)
        return Dictionary(uniqueKeysWithValues: Renderer(stack: stack).render().map { ($0.path, $0.contents) })
    }

    /// The HelmRelease of `app` in the `media` namespace.
    static func helmRelease(_ app: String, _ config: String) throws -> String {
        try #require(try render(config)["kubernetes/apps/media/\(app)/app/helmrelease.yaml"])
    }

    @Test(
        "Homepage finds the stack's apps: ServiceAccount, ClusterRole, kubernetes.yaml, annotations on the others",
        arguments: [
            ("mode: ingress", "ingress: true\n            gateway: false"),
            ("mode: gateway", "ingress: false\n            gateway: true"),
        ])
    func homepageDiscovery(mode: String, kubernetes: String) throws {
        let config =
            "version: 1\ncluster: {domain: example.org}\nexposure: {\(mode)}\napps:\n  homepage: {}\n  sonarr: {}\n"
            + "  sonarr-4k: {service: sonarr, dashboard: {group: UHD}}\n  qbittorrent: {expose: none}\n"
        let files = try Self.render(config)
        let folder = "kubernetes/apps/media/homepage/app/"
        let binding = try #require(files[folder + "clusterrolebinding.yaml"])
        #expect(binding.contains("subjects:\n  - kind: ServiceAccount\n    name: homepage\n    namespace: media\n"))
        #expect(files[folder + "clusterrole.yaml"]?.contains("      - httproutes\n      - gateways\n") == true)
        #expect(
            files[folder + "serviceaccount.yaml"]?.contains("kind: ServiceAccount\nmetadata:\n  name: homepage\n")
                == true)
        #expect(
            files[folder + "kustomization.yaml"]?.contains(
                "  - ./serviceaccount.yaml\n  - ./clusterrole.yaml\n  - ./clusterrolebinding.yaml\n") == true)
        let homepage = try #require(files[folder + "helmrelease.yaml"])
        #expect(homepage.contains("        serviceAccount:\n          name: homepage\n"))
        #expect(homepage.contains("            mode: cluster\n            \(kubernetes)\n            traefik: false\n"))
        #expect(
            homepage.contains("          - path: /app/config/kubernetes.yaml\n            subPath: kubernetes.yaml\n"))
        #expect(!homepage.contains("gethomepage.dev/"), "Homepage does not list itself")
        let sonarr = try #require(files["kubernetes/apps/media/sonarr/app/helmrelease.yaml"])
        for line in [
            "gethomepage.dev/app: sonarr", "gethomepage.dev/description: TV series library manager",
            "gethomepage.dev/enabled: 'true'", "gethomepage.dev/group: Downloads", "gethomepage.dev/icon: sonarr.png",
            "gethomepage.dev/name: Sonarr",
        ] {
            #expect(sonarr.contains("          \(line)\n"), "\(line)")
        }
        let second = try #require(files["kubernetes/apps/media/sonarr-4k/app/helmrelease.yaml"])
        #expect(second.contains("gethomepage.dev/name: sonarr-4k\n") && second.contains("gethomepage.dev/group: UHD\n"))
        #expect(files["kubernetes/apps/media/qbittorrent/app/helmrelease.yaml"]?.contains("gethomepage") == false)

        // discovery: false writes none of it; a disabled Homepage keeps its folder (ks.dis applies nothing), and the
        // other apps are not marked for it.
        let off = try Self.render(config.replacingOccurrences(of: "homepage: {}", with: "homepage: {discovery: false}"))
        #expect(off.keys.filter { $0.hasPrefix(folder + "cluster") || $0.hasPrefix(folder + "service") }.isEmpty)
        #expect(off[folder + "helmrelease.yaml"]?.contains("serviceAccount") == false)
        #expect(off[folder + "helmrelease.yaml"]?.contains("kubernetes.yaml") == false)
        let disabled = try Self.render(
            config.replacingOccurrences(of: "homepage: {}", with: "homepage: {enabled: false}"))
        #expect(
            disabled["kubernetes/apps/media/homepage/ks.dis"] != nil && disabled[folder + "clusterrole.yaml"] != nil)
        for files in [off, disabled] {
            #expect(files["kubernetes/apps/media/sonarr/app/helmrelease.yaml"]?.contains("gethomepage") == false)
        }
        let misplaced = ConfigLoader.load(text: "version: 1\napps:\n  sonarr: {discovery: false}\n")
        #expect(misplaced.diagnostics.contains { $0.message.contains("only 'homepage' discovers apps") })
    }

    @Test("a proxy app's Ingresses list each remote app on Homepage under its own name, without a pod to watch")
    func homepageProxied() throws {
        let files = try Self.render(
            "version: 1\ncluster: {domain: example.org}\napps:\n  homepage: {}\n  mediabox:\n    service: proxy\n"
                + "    proxy: {apps: [sonarr, mystuff], domain: media.example.net}\n")
        let folder = "kubernetes/apps/media/mediabox/app/"
        let sonarr = try #require(files[folder + "sonarr-ingress.yaml"])
        #expect(
            sonarr.contains(
                "    gethomepage.dev/description: on media.example.net\n    gethomepage.dev/enabled: 'true'\n"
                    + "    gethomepage.dev/group: Downloads\n    gethomepage.dev/icon: sonarr.png\n"
                    + "    gethomepage.dev/name: sonarr\n"), "\(sonarr)")
        let other = try #require(files[folder + "mystuff-ingress.yaml"])
        #expect(other.contains("    gethomepage.dev/name: mystuff\n"))
        #expect(!other.contains("gethomepage.dev/icon") && !other.contains("gethomepage.dev/app"))
    }

    @Test(
        "components are written relative to the app folder, as home-ops ks.yaml files list them",
        arguments: [
            ("", "../../../../components/volsync"),
            ("repo: {appsDir: clusters/main/apps}\n", "../../../../../../kubernetes/components/volsync"),
            ("repo: {appsDir: kubernetes}\n", "../../../components/volsync"),
        ])
    func componentsAndSubstitute(repo: String, relative: String) throws {
        let folder = repo.isEmpty ? "kubernetes/apps" : repo.contains("clusters") ? "clusters/main/apps" : "kubernetes"
        let files = try Self.render(
            "version: 1\n\(repo)apps:\n  bazarr:\n    storage: false\n"
                + "    components: [kubernetes/components/volsync]\n    substitute: {APP: bazarr, VOLSYNC_CAPACITY: 5Gi}\n"
        )
        let flux = try #require(files["\(folder)/media/bazarr/ks.yaml"])
        #expect(flux.contains("  components:\n    - \(relative)\n  path: ./\(folder)/media/bazarr/app\n"), "\(flux)")
        #expect(flux.contains("  postBuild:\n    substitute:\n      APP: bazarr\n      VOLSYNC_CAPACITY: '5Gi'\n"))
        // Resolved from the app folder, the path names the component the config gave.
        let resolved = URL(fileURLWithPath: "/repo/\(folder)/media/bazarr/app/" + relative).standardized.path
        #expect(resolved == "/repo/kubernetes/components/volsync")
        let plain = try Self.render("version: 1\ncluster: {domain: example.org}\napps:\n  bazarr: {}\n")
        #expect(plain["kubernetes/apps/media/bazarr/ks.yaml"]?.contains("components:") == false)
        #expect(plain["kubernetes/apps/media/bazarr/ks.yaml"]?.contains("postBuild:") == false)
    }

    @Test(
        "a LoadBalancer address is the implementation's annotation, never spec.loadBalancerIP",
        arguments: [
            ("", "lbipam.cilium.io/ips"), ("cluster: {loadBalancer: metallb}\n", "metallb.io/loadBalancerIPs"),
            ("cluster: {loadBalancer: kube-vip}\n", "kube-vip.io/loadbalancerIPs"),
        ])
    func loadBalancerAnnotation(cluster: String, annotation: String) throws {
        let plex = try Self.helmRelease(
            "plex", "version: 1\n\(cluster)apps:\n  plex:\n    loadBalancer: {ip: 10.0.0.50}\n")
        #expect(
            plex.contains(
                "        annotations:\n          \(annotation): '10.0.0.50'\n        type: LoadBalancer\n"
                    + "        externalTrafficPolicy: Local\n"))
        #expect(!plex.contains("loadBalancerIP:"))
        #expect(!plex.contains("sharing-key") && !plex.contains("allow-shared-ip"))
    }

    @Test(
        "apps on one LoadBalancer address share it through the implementation's sharing annotation",
        arguments: [
            ("", "lbipam.cilium.io/sharing-key"), ("cluster: {loadBalancer: metallb}\n", "metallb.io/allow-shared-ip"),
        ])
    func sharedLoadBalancerAddress(cluster: String, annotation: String) throws {
        let config = """
            version: 1
            \(cluster)apps:
              plex:
                loadBalancer: {ip: 10.0.0.50}
              qbittorrent:
                loadBalancer: {ip: 10.0.0.50}
              jellyfin:
                loadBalancer: {ip: 10.0.0.51}

            """
        let tree = try Self.render(config)
        for app in ["plex", "qbittorrent"] {
            let release = try #require(tree["kubernetes/apps/media/\(app)/app/helmrelease.yaml"])
            #expect(release.contains("          \(annotation): '10.0.0.50'\n"), "\(app)")
        }
        let jellyfin = try #require(tree["kubernetes/apps/media/jellyfin/app/helmrelease.yaml"])
        #expect(!jellyfin.contains(annotation))
    }

    @Test("claims are named <app>-config by default, <app> with claimNames: app, and as an app names its own")
    func claimNames() throws {
        /// The claim each app's PVC declares, checked against the claim its HelmRelease mounts.
        func claims(_ config: String) throws -> [String] {
            let tree = try Self.render(config)
            var names: [String] = []
            for (path, pvc) in tree.filter({ $0.key.hasSuffix("/app/pvc.yaml") }).sorted(by: { $0.key < $1.key }) {
                let line = try #require(pvc.split(separator: "\n").first { $0.hasPrefix("  name: ") })
                let name = String(line.dropFirst("  name: ".count))
                let release = tree[path.replacingOccurrences(of: "pvc.yaml", with: "helmrelease.yaml")]
                #expect(release?.contains("existingClaim: \(name)\n") == true, "\(path)")
                names.append(name)
            }
            return names
        }
        let apps = "apps:\n  radarr:\n  sonarr:\n    storage: {claimName: sonarr-data}\n"
        #expect(try claims("version: 1\n" + apps) == ["radarr-config", "sonarr-data"])
        #expect(try claims("version: 1\nstorage: {config: {claimNames: app}}\n" + apps) == ["radarr", "sonarr-data"])
    }

    @Test("the Reloader annotation goes on a controller that reads a Secret or ConfigMap, and only there")
    func reloader() throws {
        let annotation = "      sonarr:\n        annotations:\n          reloader.stakater.com/auto: 'true'\n"
        let secret = "    secrets: {SONARR__AUTH__APIKEY: {secretRef: {name: sonarr-keys, key: api}}}\n"
        #expect(try Self.helmRelease("sonarr", "version: 1\napps:\n  sonarr:\n" + secret).contains(annotation))
        #expect(try !Self.helmRelease("sonarr", "version: 1\napps:\n  sonarr:\n").contains("reloader"))
        let vpn = "version: 1\napps:\n  qbittorrent:\n    vpn: {secret: qbittorrent-vpn}\n"
        #expect(try Self.helmRelease("qbittorrent", vpn).contains("reloader.stakater.com/auto: 'true'"))
    }

    @Test("a server app gets readiness on its health endpoint, liveness and startup on its port; a CronJob none")
    func probes() throws {
        let sonarr = try Self.helmRelease("sonarr", "version: 1\napps:\n  sonarr:\n")
        let probe = { (kind: String, action: String, timing: String) in
            "              \(kind):\n                enabled: true\n                custom: true\n"
                + "                spec:\n\(action)\(timing)"
        }
        let tcp = "                  tcpSocket:\n                    port: 8989\n"
        let http = "                  httpGet:\n                    path: /ping\n                    port: 8989\n"
        let seconds = { (period: Int, failures: Int) in
            "                  periodSeconds: \(period)\n                  timeoutSeconds: 5\n"
                + "                  failureThreshold: \(failures)\n"
        }
        #expect(sonarr.contains(probe("liveness", tcp, seconds(30, 5))))
        #expect(sonarr.contains(probe("readiness", http, seconds(10, 5))))
        #expect(sonarr.contains(probe("startup", tcp, seconds(10, 30))))
        #expect(try !Self.helmRelease("recyclarr", "version: 1\napps:\n  recyclarr:\n").contains("probes:"))
    }

    @Test("a Servarr app leaves login to what is in front of it only when only trusted traffic reaches it")
    func servarrAuth() throws {
        let external = "SONARR__AUTH__METHOD: External\n              SONARR__AUTH__REQUIRED: DisabledForLocalAddresses"
        let auth = "exposure: {auth: {annotations: {nginx.ingress.kubernetes.io/auth-url: 'http://a/verify'}}}\n"
        #expect(try Self.helmRelease("sonarr", "version: 1\napps:\n  sonarr:\n").contains(external))
        #expect(
            try Self.helmRelease("sonarr", "version: 1\n\(auth)apps:\n  sonarr:\n    expose: external\n")
                .contains(external))
        let hidden = try Self.helmRelease("sonarr", "version: 1\napps:\n  sonarr:\n    expose: none\n")
        #expect(!hidden.contains("SONARR__AUTH__") && hidden.contains("SONARR__APP__INSTANCENAME: Sonarr\n"))
    }

    @Test("settings an app needs behind its host name follow its host, in-cluster names and address")
    func hostSettings() throws {
        let config = """
            version: 1
            cluster: {domain: example.org}
            namespace: media
            apps:
              plex:
                loadBalancer: {ip: 10.0.0.50}
              sabnzbd:
                expose: none
              jellyfin:
                host: watch

            """
        let tree = try Self.render(config)
        let file = { (app: String) in tree["kubernetes/apps/media/\(app)/app/helmrelease.yaml"] ?? "" }
        #expect(file("plex").contains("PLEX_ADVERTISE_URL: https://plex.example.org:443,http://10.0.0.50:32400\n"))
        #expect(
            file("sabnzbd").contains(
                "SABNZBD__HOST_WHITELIST_ENTRIES: sabnzbd, sabnzbd.media, sabnzbd.media.svc, sabnzbd.media.svc.cluster, "
                    + "sabnzbd.media.svc.cluster.local\n"))
        #expect(file("jellyfin").contains("JELLYFIN_PublishedServerUrl: https://watch.example.org\n"))
    }

    @Test("routes: no rules for one Service on 4.x and 5.x, Plex's Range rule, sectionName only when named")
    func routes() throws {
        let gateway =
            "exposure: {mode: gateway, gateways: {external: {name: ext, namespace: net, sectionName: https}}}\n"
        let config = "version: 1\n\(gateway)apps:\n  sonarr:\n  qbittorrent:\n  plex:\n"
        for chart in ["5.1.0", "4.1.1", "3.7.3"] {
            let tree = try Self.render(
                config.replacingOccurrences(of: "version: 1\n", with: "version: 1\nchart: {version: \(chart)}\n"))
            let file = { (app: String) in tree["kubernetes/apps/media/\(app)/app/helmrelease.yaml"] ?? "" }
            let service = chart == "3.7.3" ? "name" : "identifier"
            #expect(file("sonarr").contains("rules:") == (chart == "3.7.3"), "\(chart)")
            #expect(!file("sonarr").contains("sectionName"))
            #expect(
                file("qbittorrent").contains(
                    "- backendRefs:\n              - \(service): app\n                port: 8080\n"), "\(chart)")
            let plex = file("plex")
            #expect(plex.contains("sectionName: https\n"))
            #expect(
                plex.contains(
                    """
                            rules:
                              - backendRefs:
                                  - \(service): app
                                    port: 32400
                                filters:
                                  - type: RequestHeaderModifier
                                    requestHeaderModifier:
                                      remove:
                                        - Range
                                matches:
                                  - path:
                                      type: PathPrefix
                                      value: /library/streams
                              - backendRefs:
                                  - \(service): app
                                    port: 32400

                    """), "\(chart)")
        }
    }

    @Test(
        "Gatus: opt-in annotations with true, only overrides with auto, Plex checked at /identity",
        arguments: [("true", true), ("auto", false)])
    func gatus(mode: String, optIn: Bool) throws {
        let config = "version: 1\nmonitoring: {gatus: \(mode)}\napps:\n  plex:\n  tautulli:\n"
        let tree = try Self.render(config)
        let file = { (app: String) in tree["kubernetes/apps/media/\(app)/app/helmrelease.yaml"] ?? "" }
        #expect(file("plex").contains("gatus.home-operations.com/endpoint: |\n            path: /identity\n"))
        #expect(file("plex").contains("gatus.home-operations.com/enabled: 'true'") == optIn)
        #expect(file("tautulli").contains("gatus.home-operations.com/enabled: 'true'") == optIn)
        #expect(!file("tautulli").contains("gatus.home-operations.com/endpoint"))
        let off = try Self.render("version: 1\napps:\n  plex:\n")
        #expect(off["kubernetes/apps/media/plex/app/helmrelease.yaml"]?.contains("gatus") == false)
    }
}
