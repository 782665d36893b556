import Foundation
import MediaConfig
import MediaKit
import MediaTestSupport
import Testing

@testable import MediaRender

/// The diagram's arrows, and how a namespace too large for Mermaid is summarized instead of drawn.
@Suite("stack diagram")
struct StackDiagramTests {
    /// The stacks of every example and render fixture.
    static func shippedStacks() -> [(name: String, stack: Stack)] {
        let configs =
            Fixtures.exampleConfigs()
            + RenderFixtureTests.cases.map {
                RenderFixtureTests.directory.appendingPathComponent("\($0)/mediactl.yaml")
            }
        return configs.compactMap { url in
            guard let text = Fixtures.text(url), let stack = ConfigLoader.load(text: text).stack else { return nil }
            return (url.deletingLastPathComponent().lastPathComponent, stack)
        }
    }

    /// A stack of `count` apps in one namespace, cycling through the services the runbooks draw.
    static func syntheticStack(apps count: Int) throws -> Stack {
        let services = ["sonarr", "radarr", "prowlarr", "qbittorrent", "sabnzbd", "jellyfin", "seerr", "tautulli"]
        var lines = [
            "version: 1", "exposure:", "  auth:",
            "    annotations: {nginx.ingress.kubernetes.io/auth-url: 'http://auth'}",
            "storage:", "  volumes:", "    data: {nfs: {server: nas.lan, path: /volume1/data}}",
            "  media: data", "apps:",
        ]
        for index in 0..<count {
            let service = services[index % services.count]
            // Every third app is exposed; Sonarr goes without auth.
            let auth = service == "sonarr" ? ", auth: false" : ""
            lines.append(
                "  \(service)-\(index): {service: \(service), expose: \(index % 3 == 0 ? "internal" : "none")\(auth)}")
        }
        let result = ConfigLoader.load(text: lines.joined(separator: "\n") + "\n")
        return try #require(result.stack, "\(result.diagnostics)")
    }

    @Test("the counted arrows are the drawn arrows, for every shipped stack and namespace")
    func edgeCountMatches() {
        let stacks = Self.shippedStacks()
        #expect(stacks.count >= 15)
        for (name, stack) in stacks {
            let apps = AppResolver(stack: stack).resolveAll()
            for group in [apps] + Dictionary(grouping: apps, by: \.namespace).values.map(Array.init) {
                let diagram = StackDiagram(apps: group, stack: stack)
                #expect(diagram.edgeCount == diagram.edges.count, "\(name)")
            }
        }
    }

    @Test("a small namespace draws every app")
    func smallIsDetailed() throws {
        let stack = try Self.syntheticStack(apps: 16)
        let diagram = StackDiagram(apps: AppResolver(stack: stack).resolveAll(), stack: stack).mermaid()
        #expect(!diagram.isSummarized)
        #expect(diagram.text.contains("app_sonarr_0 --> app_qbittorrent_3"))
    }

    @Test("a namespace beyond Mermaid's limits becomes one box per group, within the limits")
    func largeIsSummarized() throws {
        let stack = try Self.syntheticStack(apps: 400)
        let apps = AppResolver(stack: stack).resolveAll()
        let diagram = StackDiagram(apps: apps, stack: stack)
        #expect(diagram.edgeCount > StackDiagram.mermaidEdgeLimit)
        let mermaid = diagram.mermaid()
        #expect(mermaid.isSummarized)
        #expect(mermaid.text.utf8.count <= StackDiagram.mermaidTextLimit)
        let lines = mermaid.text.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains("-->") }.count <= StackDiagram.mermaidEdgeLimit)
        // 50 of each *arr app, 50 Prowlarr and 100 download clients; Seerr, Jellyfin and Tautulli.
        #expect(lines.contains("    apps_managers[\"100 apps\"]"))
        #expect(lines.contains("    apps_downloads[\"150 apps\"]"))
        #expect(lines.contains("  apps_managers --> apps_downloads"))
        #expect(lines.contains("  apps_requests --> apps_managers"))
        #expect(lines.contains("  apps_managers --> volume_data"))
        // Auth guards the download clients and Radarr, not Sonarr (17 of the 34 exposed *arr apps each),
        // Jellyfin or Seerr.
        #expect(lines.contains("  apps_downloads -->|auth| exposure_internal"))
        #expect(lines.contains("  apps_managers -->|auth on 17 of 34| exposure_internal"))
        #expect(lines.contains("  apps_servers --> exposure_internal"))
        // DOT has no such limit and still draws every app.
        let dot = diagram.text(.dot)
        #expect(
            apps.allSatisfy { dot.contains("app_\($0.name.rawValue.replacingOccurrences(of: "-", with: "_")) [label=") }
        )
    }

    @Test("the runbook says when its diagram is summarized")
    func runbookNote() throws {
        let small = Renderer(stack: try Self.syntheticStack(apps: 16)).render()
        let large = Renderer(stack: try Self.syntheticStack(apps: 400)).render()
        let note = "too many apps or connections to draw each one within Mermaid's limits"
        #expect(small.first { $0.path == "docs/apps/media.md" }?.contents.contains(note) == false)
        #expect(large.first { $0.path == "docs/apps/media.md" }?.contents.contains(note) == true)
    }

    @Test("diagram ids: ASCII names byte by byte give what the general letter-or-digit rule gives")
    func identifiers() {
        var names = ["plex", "sonarr-4k", "a.b_c d", "UPPER-lower", "0day", "-", ""]
        names += (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        for name in names {
            let general = "app_" + String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
            #expect(StackDiagram.id("app", name) == general, "\(name.debugDescription)")
        }
        #expect(StackDiagram.id("volume", "médias") == "volume_médias")
    }
}
