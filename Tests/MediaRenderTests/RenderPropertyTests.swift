import Foundation
import MediaConfig
import MediaKit
import MediaTestSupport
import MediaYAML
import Testing

@testable import MediaRender

/// Properties every rendered tree has, checked on every example and render fixture.
@Suite("rendered trees")
struct RenderPropertyTests {
    /// Every example and fixture config that renders.
    static let configs: [URL] =
        Fixtures.exampleConfigs()
        + RenderFixtureTests.cases.map { RenderFixtureTests.directory.appendingPathComponent("\($0)/mediactl.yaml") }

    static func stack(_ url: URL) throws -> Stack {
        let text = try #require(Fixtures.text(url))
        return try #require(ConfigLoader.load(text: text).stack)
    }

    @Test("rendering twice gives byte-identical files", arguments: configs)
    func deterministic(config: URL) throws {
        let stack = try Self.stack(config)
        #expect(Renderer(stack: stack).render() == Renderer(stack: stack).render())
    }

    @Test("a tree emitted on every core is the tree emitted on one, file for file, in the same order")
    func parallelEmitting() throws {
        // Every example's config, and 300 apps of 15 services in 5 namespaces: past the count from which emitting
        // is spread, so the CLI takes that path for it.
        let services = [
            "sonarr", "radarr", "plex", "jellyfin", "qbittorrent", "sabnzbd", "seerr", "tautulli", "bazarr",
            "prowlarr", "lidarr", "navidrome", "kavita", "immich", "audiobookshelf",
        ]
        let apps = (0..<300).map { "  app-\($0): {service: \(services[$0 % services.count]), namespace: ns-\($0 % 5)}" }
        let large = try #require(
            ConfigLoader.load(text: "version: 1\napps:\n" + apps.joined(separator: "\n") + "\n").stack)
        let stacks = try Self.configs.map(Self.stack) + [large]
        for stack in stacks {
            let layout = Renderer(stack: stack).layout()
            let serial = layout.renderedFiles(parallelFileCount: .max)
            #expect(layout.renderedFiles(parallelFileCount: 1) == serial)
        }
        #expect(Renderer(stack: large).layout().files.count >= FluxLayout.parallelFileCount)
    }

    @Test(
        "rendering from apps resolved beforehand (as the CLI does after validating) gives the same files",
        arguments: configs)
    func preresolved(config: URL) throws {
        let stack = try Self.stack(config)
        let resolved = AppResolver(stack: stack).resolveAll()
        #expect(Renderer(stack: stack, resolvedApps: resolved).render() == Renderer(stack: stack).render())
    }

    @Test(
        "files are sorted by path, each starts with the marker line of its kind and ends in one newline",
        arguments: configs)
    func markerAndOrder(config: URL) throws {
        let files = Renderer(stack: try Self.stack(config)).render()
        #expect(!files.isEmpty)
        #expect(files.map(\.path) == files.map(\.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        for file in files {
            let head = file.contents.split(separator: "\n").prefix(2)
            #expect(
                head.first.map(String.init) == MediaRender.markerLine(forPath: file.path),
                "\(file.path) does not start with its marker line")
            #expect(MediaRender.isGenerated(Array(file.contents.utf8), path: file.path), "\(file.path) is not ours")
            #expect(file.contents.hasSuffix("\n") && !file.contents.hasSuffix("\n\n"), "\(file.path)")
            #expect(!file.contents.contains("\t") && !file.contents.contains(" \n"), "\(file.path)")
            if file.path.hasSuffix(".yaml") || file.path.hasSuffix(".dis") {
                #expect(head.last?.hasPrefix("# yaml-language-server: $schema=https://") == true, "\(file.path)")
            }
        }
        #expect(files.contains { $0.path == ".renovate/mediactl.json5" })
    }

    @Test("every rendered YAML file reads back through the reader as the value that was emitted", arguments: configs)
    func roundTrip(config: URL) throws {
        for file in Renderer(stack: try Self.stack(config)).layout().files {
            guard case .manifest(let manifest) = file.content else { continue }
            let path = file.path
            let text = YAMLEmitter().emit(manifest.yamlValue())
            let read = YAMLReader().read(text)
            #expect(read.diagnostics.isEmpty, "\(path): \(read.diagnostics)")
            let root = try #require(read.root)
            #expect(typedValue(of: root) == manifest.yamlValue(), "\(path) does not read back as emitted")
        }
    }

    @Test("the layout lists each path once, the last file added there, sorted by bytes; Unicode forms are two paths")
    func layoutPaths() {
        var layout = FluxLayout()
        for (path, text) in [
            ("docs/b.md", "first"), ("docs/a-b.md", "x"), ("docs/b.md", "second"), ("docs/caf\u{E9}.md", "composed"),
            ("docs/cafe\u{301}.md", "decomposed"), ("docs/a/c.md", "y"),
        ] {
            layout.addMarkdown(at: path) { text }
        }
        let files = layout.renderedFiles()
        #expect(
            files.map(\.path.utf8).map(Array.init)
                == [
                    "docs/a-b.md", "docs/a/c.md", "docs/b.md", "docs/cafe\u{301}.md", "docs/caf\u{E9}.md",
                ].map { Array($0.utf8) })
        #expect(
            files.map { $0.contents.split(separator: "\n").last.map(String.init) } == [
                "x", "y", "second", "decomposed", "composed",
            ])
    }

    @Test("every PVC and namespace is protected from Flux pruning", arguments: configs)
    func pruneProtection(config: URL) throws {
        for file in Renderer(stack: try Self.stack(config)).render()
        where file.contents.contains("\nkind: PersistentVolumeClaim\n") || file.contents.contains("\nkind: Namespace\n")
        {
            #expect(file.contents.contains("    kustomize.toolkit.fluxcd.io/prune: disabled\n"), "\(file.path)")
        }
    }

    @Test("reordering apps, env and nodeSelector entries in the config does not change the output")
    func orderIndependent() throws {
        let forward = """
            version: 1
            apps:
              sonarr: {env: {A: '1', B: '2'}, nodeSelector: {x: '1', y: '2'}}
              radarr: {dependsOn: [sonarr, network/cloudflared]}
            """
        let backward = """
            version: 1
            apps:
              radarr: {dependsOn: [network/cloudflared, sonarr]}
              sonarr: {nodeSelector: {y: '2', x: '1'}, env: {B: '2', A: '1'}}
            """
        let first = try #require(ConfigLoader.load(text: forward).stack)
        let second = try #require(ConfigLoader.load(text: backward).stack)
        #expect(Renderer(stack: first).render() == Renderer(stack: second).render())
    }

    @Test(
        "every map of the config written in reverse key order, and every mounts list reversed, renders the same bytes",
        arguments: configs)
    func reversedMaps(url: URL) throws {
        let text = try #require(Fixtures.text(url))
        let root = try #require(YAMLReader().read(text).root)
        let reversed = YAMLEmitter().emit(permuted(root, key: nil))
        let original = try Self.stack(url)
        let result = ConfigLoader.load(text: reversed)
        let permutedStack = try #require(result.stack, "\(result.diagnostics)")
        #expect(permutedStack == original, "the decoded stack does not depend on key order")
        #expect(Renderer(stack: permutedStack).render() == Renderer(stack: original).render())
    }

    /// `node` with every mapping's keys in reverse order and every `mounts` list reversed; other lists keep
    /// their order (`substituteFrom` and `extraResources` are ordered on purpose).
    private func permuted(_ node: YAMLNode, key: String?) -> YAMLValue {
        switch node.content {
        case .mapping(let pairs):
            return .mapping(YAMLMapping(pairs.reversed().map { ($0.keyText, permuted($0.value, key: $0.keyText)) }))
        case .sequence(let items):
            let values = items.map { permuted($0, key: nil) }
            return .sequence(key == "mounts" ? values.reversed() : values)
        case .scalar:
            return typedValue(of: node)
        }
    }

    /// The node tree typed the way a YAML 1.2 core-schema parser types plain scalars.
    private func typedValue(of node: YAMLNode) -> YAMLValue {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.resolution {
            case .null: return .null
            case .boolean: return .boolean(scalar.text == "true")
            case .number: return Int(scalar.text).map(YAMLValue.integer) ?? .string(scalar.text)
            default: return .string(scalar.text)
            }
        case .sequence(let items): return .sequence(items.map(typedValue(of:)))
        case .mapping(let pairs): return .mapping(YAMLMapping(pairs.map { ($0.keyText, typedValue(of: $0.value)) }))
        }
    }
}
