import MediaConfig
import MediaKit
import MediaTestSupport
import MediaYAML
import Testing

@Suite("config decoder")
struct ConfigDecoderTests {
    @Test("the minimal config of PRODUCT.md gets every default")
    func minimalDefaults() throws {
        let result = ConfigLoader.load(text: "version: 1\napps:\n  plex:\n  sonarr:\n  radarr:\n  qbittorrent:\n")
        #expect(result.diagnostics.isEmpty)
        let stack = try #require(result.stack)
        #expect(stack.apps.map(\.name.rawValue) == ["plex", "qbittorrent", "radarr", "sonarr"])
        #expect(stack.repo.appsDir == "kubernetes/apps")
        #expect(stack.repo.docsDir == "docs/apps")
        #expect(stack.repo.source == FluxSourceReference())
        #expect(stack.cluster.domain == "${SECRET_DOMAIN}")
        #expect(stack.cluster.timezone == "Etc/UTC")
        #expect(stack.cluster.user.uid == 1000 && stack.cluster.user.gid == 1000)
        #expect(stack.chart.version == .v5_1_0 && stack.chart.source == .oci)
        #expect(stack.namespace == "media")
        #expect(stack.exposure.mode == .ingress)
        #expect(stack.storage.config.size == "5Gi" && stack.storage.config.storageClass == nil)
        #expect(stack.backups.engine == .none)
        #expect(stack.monitoring == MonitoringSettings())
        #expect(stack.networkPolicies == nil)
        let plex = try #require(stack.apps.first)
        #expect(plex.enabled && plex.service.rawValue == "plex" && plex.expose == nil && plex.storage == .default)
    }

    @Test(
        "substitution: a config that sets neither the domain nor substituteFrom substitutes from cluster-secrets",
        arguments: [
            ("", ["cluster-secrets"]),
            ("repo: {substituteFrom: []}\n", []),
            ("repo: {substituteFrom: [vars, more]}\n", ["vars", "more"]),
            ("cluster: {domain: example.org}\n", []),
            (
                "cluster: {domain: example.org}\napps:\n  plex:\n    env: {TOKEN: '${PLEX_TOKEN}'}\n",
                ["cluster-secrets"]
            ),
        ])
    func substitutionDefault(sections: String, secrets: [String]) throws {
        let text = "version: 1\n" + sections + (sections.contains("apps:") ? "" : "apps:\n  plex:\n")
        let result = ConfigLoader.load(text: text)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let stack = try #require(result.stack)
        #expect(stack.substitutionSecrets == secrets)
    }

    @Test("the seed 001 example (PRODUCT.md's fuller config, Examples/home-ops) decodes every key")
    func fullerExample() throws {
        let text = try #require(Fixtures.text(Fixtures.examples.appendingPathComponent("home-ops/mediactl.yaml")))
        let result = ConfigLoader.load(text: text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let stack = try #require(result.stack)
        #expect(stack.repo.substituteFrom == ["cluster-secrets"])
        #expect(stack.repo.docsDir == "docs/apps")
        #expect(stack.cluster.timezone == "Europe/Zurich")
        #expect(
            stack.exposure.authAnnotations["nginx.ingress.kubernetes.io/auth-url"]
                == "http://authelia.security.svc.cluster.local/api/verify")
        #expect(stack.exposure.tlsIssuer == nil, "seed 001 serves the wildcard certificate")
        #expect(
            stack.exposure.gateways[.external]
                == ExposureSettings.GatewayReference(name: "envoy-external", namespace: "network"))
        #expect(stack.storage.config == ConfigVolumeSettings(storageClass: "longhorn", size: "5Gi"))
        #expect(stack.storage.volumes["books"] == .nfs(server: "10.20.30.40", path: "/volume2/data/media/books"))
        #expect(stack.backups.engine == .k8up && stack.backups.schedule == "0 3 * * *")
        #expect(stack.monitoring.gatus == .annotate && stack.monitoring.serviceMonitors && stack.monitoring.alerts)
        #expect(
            stack.apps.map(\.name.rawValue) == [
                "calibre-web", "mediabox", "overseerr", "plex-exporter", "plex-trakt-sync", "tautulli",
            ])

        let calibre = try #require(stack.app(named: AppName(rawValue: "calibre-web")))
        #expect(calibre.expose == .internal && calibre.host == "books")
        #expect(calibre.mounts == [VolumeMount(volume: "books", path: "/books")])
        #expect(calibre.dashboard == DashboardSettings(icon: "bookshelf"))

        let overseerr = try #require(stack.app(named: AppName(rawValue: "overseerr")))
        #expect(
            overseerr.resources
                == ResourceRequirements(
                    requests: .init(cpu: "100m", memory: "128Mi"), limits: .init(cpu: "1000m", memory: "1024Mi")))

        let exporter = try #require(stack.app(named: AppName(rawValue: "plex-exporter")))
        #expect(!exporter.enabled && exporter.dependsOn == ["network/cloudflared"])
        #expect(exporter.env == ["PLEX_SERVER": "http://10.20.30.40:32400"])
        #expect(exporter.nodeSelector == ["kubernetes.io/arch": "amd64"])
        #expect(exporter.secrets["PLEX_TOKEN"] == .externalSecret(store: "onepassword", key: "plex", property: "token"))

        let mediabox = try #require(stack.app(named: AppName(rawValue: "mediabox")))
        #expect(mediabox.proxy?.domain == "media.tdeutsch.ch" && mediabox.proxy?.apps.count == 10)
        #expect(mediabox.expose == .external && mediabox.auth == true)
    }

    @Test("the seed 000 example (Examples/plex) decodes TLS, a shared RWX volume and Plex's resources")
    func plexExample() throws {
        let text = try #require(Fixtures.text(Fixtures.examples.appendingPathComponent("plex/mediactl.yaml")))
        let stack = try #require(ConfigLoader.load(text: text).stack)
        #expect(stack.exposure.tlsIssuer == "letsencrypt-prod")
        #expect(stack.exposure.ingressClasses[.external] == "nginx")
        #expect(
            stack.storage.volumes["media-storage"]
                == .pvc(storageClass: "nfs-csi", size: "1Ti", accessMode: .readWriteMany))
        let plex = try #require(stack.app(named: AppName(rawValue: "plex")))
        #expect(
            plex.resources
                == ResourceRequirements(
                    requests: .init(cpu: "2", memory: "4Gi"), limits: .init(cpu: "4", memory: "8Gi")))
        #expect(plex.mounts == [VolumeMount(volume: "media-storage", path: "/media", readOnly: true)])
        #expect(stack.app(named: AppName(rawValue: "wizarr"))?.dependsOn == ["plex"])
    }

    @Test("per-app keys decode to typed values")
    func perAppKeys() throws {
        let text = """
            version: 1
            storage:
              volumes:
                data: {pvc: {storageClass: samba-storage, size: 1Ti}}
              media: data
            apps:
              sonarr-4k:
                service: sonarr
                namespace: media-services
                image: {repository: ghcr.io/home-operations/sonarr, tag: 4.0.15}
                port: 8989
                auth: false
                env: {TZ: Europe/Zurich, UMASK: '002'}
                secrets:
                  SONARR__AUTH__APIKEY: {secretRef: {name: sonarr-secret, key: api-key}}
                storage: false
                mounts:
                  - {volume: data, path: /config, subPath: config/sonarr}
                  - volume: data
                    path: /data
                    readOnly: true
                dependsOn: [prowlarr]
                gpu: intel
                replicas: 1
                values:
                  controllers: {sonarr: {strategy: Recreate, replicas: 2, annotations: {a: 'true'}}}
                  global: {alwaysAppendIdentifierToResourceName: false}
                extraResources: [./secret.sops.yaml]
              prowlarr:
                storage: {size: 1Gi}
            """
        let result = ConfigLoader.load(text: text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let stack = try #require(result.stack)
        #expect(
            stack.storage.volumes["data"]
                == .pvc(storageClass: "samba-storage", size: "1Ti", accessMode: .readWriteMany))
        #expect(stack.storage.media == "data")
        let app = try #require(stack.app(named: AppName(rawValue: "sonarr-4k")))
        #expect(app.service.rawValue == "sonarr" && app.namespace == "media-services")
        #expect(app.image == ImageReference(repository: "ghcr.io/home-operations/sonarr", tag: "4.0.15"))
        #expect(app.port == 8989 && app.auth == false)
        #expect(app.env == ["TZ": "Europe/Zurich", "UMASK": "002"])
        #expect(app.secrets["SONARR__AUTH__APIKEY"] == .secretRef(name: "sonarr-secret", key: "api-key"))
        #expect(app.storage == .disabled)
        #expect(
            app.mounts == [
                VolumeMount(volume: "data", path: "/config", subPath: "config/sonarr"),
                VolumeMount(volume: "data", path: "/data", readOnly: true),
            ])
        #expect(app.gpu == .intel && app.replicas == 1 && app.dependsOn == ["prowlarr"])
        #expect(app.values["global"] == .map(["alwaysAppendIdentifierToResourceName": .boolean(false)]))
        #expect(
            app.values["controllers"]
                == .map([
                    "sonarr": .map([
                        "strategy": .string("Recreate"), "replicas": .integer(2),
                        "annotations": .map(["a": .string("true")]),
                    ])
                ]))
        #expect(app.extraResources == ["secret.sops.yaml"])
        #expect(stack.app(named: AppName(rawValue: "prowlarr"))?.storage == .custom(size: "1Gi", storageClass: nil))
        #expect(stack.namespace(of: app) == "media-services")
    }

    @Test("reordering user map entries does not change the decoded stack")
    func orderIndependence() {
        let first = ConfigLoader.load(
            text:
                "version: 1\napps:\n  b: {image: x:1, port: 1, env: {A: '1', B: '2'}}\n  a:\n    image: y:2\n    port: 2\n"
        )
        let second = ConfigLoader.load(
            text: "apps:\n  a: {port: 2, image: y:2}\n  b: {env: {B: '2', A: '1'}, port: 1, image: x:1}\nversion: 1\n")
        #expect(first.stack != nil && first.stack == second.stack)
    }
}

@Suite("optional values")
struct OptionalValueTests {
    @Test("an empty value, ~ or null leaves an optional field at its default")
    func nullMeansDefault() throws {
        let result = ConfigLoader.load(
            text:
                "version: 1\nnamespace: ~\ncluster: {timezone: null, user: {uid: }}\nrepo:\napps:\n  plex: {host: ~, enabled: , expose: null, storage: ~}\n"
        )
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let stack = try #require(result.stack)
        #expect(stack.namespace == "media" && stack.cluster == ClusterSettings() && stack.repo == RepoSettings())
        let plex = try #require(stack.apps.first)
        #expect(plex.host == nil && plex.enabled && plex.expose == nil && plex.storage == .default)
    }

    @Test("required values may not be empty")
    func requiredValues() {
        #expect(
            ConfigLoader.load(text: "version:\napps:\n").diagnostics.map(\.message) == [
                "missing value for required key 'version'; write 'version: 1'"
            ])
        let nfs = ConfigLoader.load(
            text: "version: 1\nstorage:\n  volumes:\n    books: {nfs: {server: ~, path: /b}}\napps: {}\n")
        #expect(nfs.diagnostics.map(\.message) == ["'storage.volumes.books.nfs' needs both 'server' and 'path'"])
    }
}
