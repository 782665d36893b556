import MediaKit
import MediaRender
import Testing

/// What `check` asks of a hand-written namespace's `kustomization.yaml` (``NamespaceListing``).
@Suite("hand-written namespace listing")
struct NamespaceListingTests {
    private var stack: Stack {
        var stack = Stack()
        stack.repo.handWrittenNamespaces = ["media"]
        var sonarr = AppSpec(name: AppName(rawValue: "sonarr"))
        sonarr.enabled = true
        var radarr = AppSpec(name: AppName(rawValue: "radarr"))
        radarr.enabled = false
        stack.apps = [radarr, sonarr]
        return stack
    }

    private func problems(_ text: String?, rendered: [String] = []) -> [String] {
        NamespaceListing(stack: stack).problems(
            namespace: "media", kustomization: text.map { Array($0.utf8) }, renderedPaths: rendered
        ).map { "\($0.position?.description ?? "-"): \($0.message)" }
    }

    @Test("a list with every enabled app, no disabled one and every namespace file mediactl writes is fine")
    func fine() {
        let text = "resources:\n  - ./namespace.yaml\n  - ./other/ks.yaml\n  - ./pvc-media.yaml\n  - sonarr/ks.yaml\n"
        #expect(
            problems(text, rendered: ["kubernetes/apps/media/pvc-media.yaml", "kubernetes/apps/media/sonarr/ks.yaml"])
                == [])
    }

    @Test("a disabled app listed, an enabled app or a namespace file missing, each at its place")
    func wrong() {
        let text = "---\nkind: Kustomization\nresources:\n  - ./radarr/ks.yaml\n"
        #expect(
            problems(text, rendered: ["kubernetes/apps/media/prometheusrule.yaml"]) == [
                "4:5: lists './radarr/ks.yaml', but app 'radarr' is disabled (its Kustomization is ks.dis); remove the line",
                "4:3: does not list './sonarr/ks.yaml' of app 'sonarr'; add it to resources, or Flux never applies it",
                "4:3: does not list './prometheusrule.yaml', which mediactl renders for namespace 'media'; add it to resources",
            ])
    }

    @Test("no kustomization.yaml, or one that does not parse, is an error")
    func missing() {
        #expect(problems(nil).first?.contains("has no kustomization.yaml") == true)
        #expect(problems("resources: [unclosed\n").first?.hasPrefix("1:12: unclosed flow sequence") == true)
    }
}
