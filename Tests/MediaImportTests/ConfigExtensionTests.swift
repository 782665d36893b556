import MediaConfig
import MediaImport
import Testing

/// Import into an existing `mediactl.yaml`: new apps, shared volumes and hand-written namespaces are added at the
/// end of their blocks; every other byte stays; a second import changes nothing.
@Suite("import into an existing config")
struct ConfigExtensionTests {
    static let existing = """
        # my stack
        version: 1
        repo:
          substituteFrom: [cluster-secrets]   # keep
        cluster:
          domain: example.net
        exposure:
          mode: gateway
        storage:
          config: {storageClass: ceph-block}

        apps:
          # the request app
          seerr:
            expose: external

        """

    @Test("apps and namespaces are appended; the rest stays byte for byte")
    func extend() throws {
        var repository = TestRepository()
        repository.app("sonarr")
        // The namespace's own files are hand-written (they list other apps): they stay the user's.
        repository.files["kubernetes/apps/media/kustomization.yaml"] =
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ./sonarr/ks.yaml\n"
        let result = repository.run(config: Self.existing)
        #expect(result.errors.isEmpty)
        #expect(result.outcome("sonarr") == .adopted, "\(result.reasons("sonarr"))")
        let text = try #require(result.configText)
        // Every line of the old config is still there, in order.
        var rest = Substring(text)
        for line in Self.existing.split(separator: "\n") {
            guard let range = rest.range(of: line) else {
                Issue.record("line '\(line)' is gone from:\n\(text)")
                return
            }
            rest = rest[range.upperBound...]
        }
        #expect(text.contains("  handWrittenNamespaces:\n    - media\n"))
        #expect(text.contains("  sonarr:\n"))
        // The stack names a storage class and the claim none: mediactl cannot write that, so the claim stays
        // hand-written and is mounted as a shared volume.
        #expect(text.contains("  volumes:\n    sonarr:\n      existingClaim: sonarr\n"))
        let loaded = ConfigLoader.load(text: text)
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
        #expect(loaded.stack?.apps.map(\.name.rawValue) == ["seerr", "sonarr"])

        // A second import of the same folder changes nothing.
        let second = repository.run(config: text)
        #expect(second.configText == nil)
        #expect(second.outcome("sonarr") == .skipped)
    }

    @Test("apps written as a flow mapping are not extended: the app is refused with the reason")
    func flowApps() {
        var repository = TestRepository()
        repository.app("sonarr")
        let result = repository.run(
            config:
                "version: 1\nexposure: {mode: gateway}\nrepo: {substituteFrom: [cluster-secrets]}\napps: {seerr: {}}\n")
        #expect(result.configText == nil)
        #expect(result.reasons("sonarr").first?.contains("flow") == true, "\(result.reasons("sonarr"))")
    }

    @Test("an app on another chart major than the config's is refused, not the config changed")
    func chartMajor() {
        var repository = TestRepository()
        repository.app("sonarr")
        let result = repository.run(
            config: "version: 1\nchart: {version: 3.7.3}\nrepo:\n  substituteFrom: [cluster-secrets]\napps:\n  seerr:\n"
        )
        #expect(result.configText == nil)
        #expect(result.outcome("sonarr") == .refused)
        #expect(result.reasons("sonarr").first?.contains("chart.version is one for every app") == true)
    }

    @Test("a route the config's exposure mode does not render stays in values, whole")
    func otherMode() throws {
        var repository = TestRepository()
        repository.app("sonarr")
        let result = repository.run(config: "version: 1\nrepo:\n  substituteFrom: [cluster-secrets]\napps:\n  seerr:\n")
        #expect(result.outcome("sonarr") == .adopted, "\(result.reasons("sonarr"))")
        let text = try #require(result.configText)
        #expect(text.contains("    expose: none\n"))
        #expect(text.contains("      route:\n        app:\n"))
    }
}
