import MediaImport
import Testing

/// What import refuses, and how: a file that does not parse stops everything with its position; an app mediactl
/// cannot reproduce stays hand-written, with the reason located in the file that shows it.
@Suite("import refuses what it cannot reproduce")
struct ImportRefusalTests {
    @Test("a plain app is adopted (the baseline the other cases change)")
    func baseline() {
        var repository = TestRepository()
        repository.app("sonarr")
        let result = repository.run()
        #expect(result.errors.isEmpty)
        #expect(result.outcome("sonarr") == .adopted, "\(result.reasons("sonarr"))")
        #expect(result.configText?.contains("apps:\n  sonarr:") == true)
    }

    @Test("a file that does not parse is an error at its line and column, and nothing is decided")
    func malformed() {
        var repository = TestRepository()
        repository.app("sonarr", values: "    controllers:\n      sonarr: [unclosed\n")
        let result = repository.run()
        #expect(result.configText == nil)
        #expect(
            result.errors.map(\.located).first?.hasPrefix("kubernetes/apps/media/sonarr/app/helmrelease.yaml:13:")
                == true)
    }

    @Test("nested aliases that expand too far are an error at the alias, not a hang")
    func aliasBomb() {
        var values = "    a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            values +=
                "    a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        var repository = TestRepository()
        repository.app("sonarr", values: values)
        let result = repository.run()
        #expect(result.configText == nil)
        #expect(result.errors.first?.diagnostic.message.contains("aliases expand to more than") == true)
    }

    @Test(
        "resources outside the app folder are refused where they are listed",
        arguments: ["../../other/app/secret.yaml", "/etc/passwd", "https://example.org/x.yaml", "./missing.yaml"])
    func resourcesOutside(entry: String) {
        var repository = TestRepository()
        repository.app("sonarr", resources: ["helmrelease.yaml", "ocirepository.yaml", "pvc.yaml", entry])
        let result = repository.run()
        #expect(result.outcome("sonarr") == .refused)
        #expect(
            result.reasons("sonarr").first?.hasPrefix("kubernetes/apps/media/sonarr/app/kustomization.yaml:") == true)
    }

    @Test("a link or an unread file in the app folder keeps the app as it is")
    func unreadable() {
        var repository = TestRepository()
        repository.app("sonarr")
        let result = repository.run(unreadable: [
            "kubernetes/apps/media/sonarr/app/secret.sops.yaml": "a symbolic link, which import never follows"
        ])
        #expect(result.outcome("sonarr") == .refused)
        #expect(result.reasons("sonarr").first?.contains("symbolic link") == true)
    }

    @Test(
        "Kustomization settings mediactl cannot write are refused at their key",
        arguments: [
            ("  components:\n    - ../../../../../../outside\n", "does not lead to a folder inside the repository"),
            ("  components:\n    - ../../../../.git/hooks\n", "does not lead to a folder inside the repository"),
            ("  suspend: true\n", "spec.suspend"),
            ("  decryption:\n    provider: sops\n", "spec.decryption"),
            ("  healthChecks: []\n", "spec.healthChecks"),
        ])
    func fluxSettings(extra: String, key: String) {
        var repository = TestRepository()
        repository.app("sonarr", ks: TestRepository.kustomization("sonarr", extra: extra))
        let result = repository.run()
        #expect(result.outcome("sonarr") == .refused)
        #expect(result.reasons("sonarr").first?.contains(key) == true, "\(result.reasons("sonarr"))")
    }

    @Test("a Kustomization in another namespace would be pruned when mediactl moved it")
    func fluxNamespace() {
        var repository = TestRepository()
        let ks = TestRepository.kustomization("sonarr").replacingOccurrences(
            of: "  namespace: media\n", with: "  namespace: flux-system\n")
        repository.app("sonarr", ks: ks)
        let result = repository.run()
        #expect(result.outcome("sonarr") == .refused)
        #expect(result.reasons("sonarr").first?.contains("prune") == true)
    }

    @Test("a Kustomization whose namespace a parent decides may not be moved into the app's namespace")
    func fluxNamespaceUnknown() {
        var repository = TestRepository()
        repository.app(
            "sonarr",
            ks: TestRepository.kustomization("sonarr").replacingOccurrences(of: "  namespace: media\n", with: ""))
        let result = repository.run()
        #expect(result.outcome("sonarr") == .refused)
        #expect(result.reasons("sonarr").first?.contains("names no namespace") == true)
        // With the namespace folder's kustomization.yaml setting it, the same file is adopted.
        repository.files["kubernetes/apps/media/kustomization.yaml"] =
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: media\nresources:\n  - ./sonarr/ks.yaml\n"
        #expect(repository.run().outcome("sonarr") == .adopted)
    }

    @Test("a HelmRelease named otherwise than its folder would be uninstalled by a rename")
    func releaseName() {
        var repository = TestRepository()
        repository.app("sonarr")
        repository.files["kubernetes/apps/media/sonarr/app/helmrelease.yaml"] = TestRepository.release(
            "sonarr", values: TestRepository.values("sonarr")
        ).replacingOccurrences(of: "metadata:\n  name: sonarr", with: "metadata:\n  name: sonarr-tv")
        let result = repository.run()
        #expect(result.outcome("sonarr") == .refused)
        #expect(result.reasons("sonarr").first?.contains("uninstall") == true)
    }

    @Test("a claim the chart creates would be deleted by Helm once it left the release")
    func chartClaim() {
        var repository = TestRepository()
        let values = TestRepository.values("sonarr").replacingOccurrences(
            of: "        existingClaim: sonarr",
            with: "        type: persistentVolumeClaim\n        size: 5Gi\n        accessMode: ReadWriteOnce")
        repository.app("sonarr", values: values)
        let result = repository.run()
        #expect(result.outcome("sonarr") == .refused)
        #expect(result.reasons("sonarr").first?.contains("Helm delete it") == true)
    }

    @Test("two controllers are refused; mediactl renders one per app")
    func controllers() {
        var repository = TestRepository()
        let worker = """
                  worker:
                    containers:
                      app:
                        image: {repository: busybox, tag: "1.36"}

            """
        let values = TestRepository.values("sonarr").replacingOccurrences(
            of: "    controllers:\n", with: "    controllers:\n" + worker)
        repository.app("sonarr", values: values)
        let result = repository.run()
        #expect(result.outcome("sonarr") == .refused)
        #expect(result.reasons("sonarr").first?.contains("2 controllers") == true, "\(result.reasons("sonarr"))")
    }

    @Test("a file holding what mediactl renders and what it does not cannot be split, and is refused")
    func mixedFile() {
        var repository = TestRepository()
        repository.app("sonarr")
        repository.files["kubernetes/apps/media/sonarr/app/helmrelease.yaml"]! += """

            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: sonarr-scripts
            data:
              hello.sh: echo hello

            """
        let result = repository.run()
        #expect(result.outcome("sonarr") == .refused)
        #expect(result.reasons("sonarr").first?.contains("separate files") == true)
    }

    @Test("components and postBuild.substitute become keys; a kept file keeps the variables they use")
    func componentsAndSubstitute() throws {
        var repository = TestRepository()
        let ks = TestRepository.kustomization("sonarr").replacingOccurrences(
            of: "  postBuild:\n",
            with: "  components:\n    - ../../../../components/volsync\n    - ./../../../../components/gatus/\n"
                + "  postBuild:\n    substitute:\n      APP: sonarr\n      VOLSYNC_CAPACITY: 5Gi\n")
        repository.app(
            "sonarr", ks: ks,
            files: ["scripts.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${APP}-scripts\n"])
        let result = repository.run()
        #expect(result.outcome("sonarr") == .adopted, "\(result.reasons("sonarr"))")
        let config = try #require(result.configText)
        #expect(
            config.contains(
                "    components:\n      - kubernetes/components/volsync\n      - kubernetes/components/gatus\n"
                    + "    substitute:\n      APP: sonarr\n      VOLSYNC_CAPACITY: '5Gi'\n"), "\(config)")
    }

    @Test("values the chart does not take are refused at their line in the hand-written file")
    func valuesCheck() {
        var repository = TestRepository()
        let values = TestRepository.values("sonarr").replacingOccurrences(
            of: "            env:\n",
            with:
                "            probes:\n              liveness:\n                enabled: true\n                custom: true\n"
                + "                spec:\n                  periodSecond: 10\n            env:\n")
        repository.app("sonarr", values: values)
        let result = repository.run()
        #expect(result.outcome("sonarr") == .refused)
        let reason = result.reasons("sonarr").first ?? ""
        #expect(
            reason.hasPrefix("kubernetes/apps/media/sonarr/app/helmrelease.yaml:24:19: unknown key 'periodSecond'"),
            "\(reason)")
    }

    @Test("an existing config with errors stops the import")
    func brokenConfig() {
        var repository = TestRepository()
        repository.app("sonarr")
        let result = repository.run(config: "version: 1\napps:\n  sonarr:\n    storag: 1\n")
        #expect(result.configText == nil)
        #expect(result.errors.first?.located.hasPrefix("mediactl.yaml:4:5:") == true)
    }

    @Test("a folder without app folders is an error that names it")
    func noApps() {
        var repository = TestRepository()
        repository.files["kubernetes/apps/media/readme.md"] = "hello"
        let result = repository.run()
        #expect(result.errors.first?.located.hasPrefix("kubernetes/apps/media: no app folder here") == true)
    }
}

/// App names are keys of `apps:`: one per config, whatever the namespace.
@Suite("import of apps with one name")
struct ImportNameTests {
    @Test("two app folders of one name in two namespaces: the second is refused, naming the first")
    func twoNamespaces() {
        var repository = TestRepository()
        repository.app("sonarr")
        repository.app("sonarr", namespace: "tv")
        let result = repository.run(roots: ["kubernetes/apps/media", "kubernetes/apps/tv"])
        let outcomes = result.report.apps.map { "\($0.folder): \($0.outcome.rawValue)" }
        #expect(outcomes == ["kubernetes/apps/media/sonarr: adopted", "kubernetes/apps/tv/sonarr: refused"])
        #expect(result.report.apps.last?.reasons.first?.located.contains("app names are unique") == true)
    }

    @Test("an app of the config's with the name in another namespace is not the same app")
    func configElsewhere() {
        var repository = TestRepository()
        repository.app("sonarr", namespace: "tv")
        let result = repository.run(
            roots: ["kubernetes/apps/tv"],
            config: "version: 1\nrepo:\n  substituteFrom: [cluster-secrets]\napps:\n  sonarr:\n")
        #expect(result.outcome("sonarr") == .refused)
        #expect(result.reasons("sonarr").first?.contains("in namespace 'media'") == true)
    }
}
