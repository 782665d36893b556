import Foundation
import MediaConfig
import MediaKit
import MediaRender
import MediaTestSupport
import MediaYAML
import Testing

/// The Renovate preset `render` writes: what it ignores, and what its managers find and rewrite, read the way
/// Renovate reads them (``RenovateRegexManager``).
@Suite("Renovate preset")
struct RenovatePresetTests {
    static let digest = "sha256:" + String(repeating: "c0ffee", count: 10) + "c0ff"

    /// The preset a render of `stack` writes.
    static func preset(of stack: Stack) throws -> RenderedFile {
        try #require(Renderer(stack: stack).render().first { $0.path == ".renovate/mediactl.json5" })
    }

    /// The `ignorePaths` of a preset.
    static func ignorePaths(_ preset: RenderedFile) throws -> [String] {
        let json = preset.contents.split(separator: "\n").dropFirst().joined(separator: "\n")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(root["ignorePaths"] as? [String])
    }

    /// Whether Renovate's `ignorePaths` matching (`lib/workers/repository/extract/file-match.ts`: the path
    /// contains the pattern, or minimatch matches it) skips `path`, for the two forms the preset writes: a path,
    /// and a folder followed by `/**`.
    static func ignores(_ patterns: [String], _ path: String) -> Bool {
        patterns.contains { pattern in
            if pattern.hasSuffix("/**") { return path.hasPrefix(String(pattern.dropLast(2))) }
            return path.contains(pattern)
        }
    }

    /// `text` with `image:` pins for every app that runs an image and `chart.version`, as `mediactl pin` writes.
    static func pinned(_ text: String, _ stack: Stack) throws -> String {
        var text = text
        var root = try #require(YAMLReader().read(text).root)
        if root.pairs?.first(where: { $0.keyText == "chart" })?.value.pairs?.contains(where: { $0.keyText == "version" }
        )
            != true
        {
            text = try ConfigEditor(source: text, root: root).addingChartVersion(stack.chart.version.rawValue)
        }
        for app in stack.apps where app.image == nil && app.proxy == nil {
            guard let image = app.catalogEntry?.spec?.image else { continue }
            root = try #require(YAMLReader().read(text).root)
            text = try ConfigEditor(source: text, root: root).addingImage(image.description, to: app.name.rawValue)
        }
        return text
    }

    @Test(
        "every rendered file is ignored; the config and hand-written extraResources are not",
        arguments: RenderPropertyTests.configs)
    func ignoresGeneratedFiles(config: URL) throws {
        let stack = try RenderPropertyTests.stack(config)
        let files = Renderer(stack: stack).render()
        let patterns = try Self.ignorePaths(try Self.preset(of: stack))
        for file in files { #expect(Self.ignores(patterns, file.path), "\(file.path) is not in ignorePaths") }
        #expect(!Self.ignores(patterns, "mediactl.yaml"))
        for app in stack.apps {
            for resource in app.extraResources {
                let path = "\(stack.repo.appsDir)/\(stack.namespace(of: app))/\(app.name)/app/\(resource)"
                #expect(!Self.ignores(patterns, path), "\(path) is hand-written but ignored")
            }
        }
        #expect(patterns == patterns.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test(
        "on a pinned config the managers find each app's image and the chart version, and nothing else",
        arguments: Fixtures.exampleConfigs())
    func findsPins(config: URL) throws {
        let stack = try RenderPropertyTests.stack(config)
        let text = try Self.pinned(try #require(Fixtures.text(config)), stack)
        let managers = try RenovateRegexManager.managers(inPreset: try Self.preset(of: stack).contents)
        #expect(managers.count == 2)
        let images = try managers[0].dependencies(in: text)
        let pinned = try #require(ConfigLoader.load(text: text).stack)
        let expected = pinned.apps.compactMap { $0.image?.description }
        #expect(images.map(\.description).sorted() == expected.sorted())
        for image in images {
            #expect(image.fields["datasource"] == "docker" && image.fields["versioning"] == "docker")
            #expect(image.replaceString == image.description, "the replaced text is the reference alone")
        }
        let chart = try managers[1].dependencies(in: text)
        #expect(chart.map(\.description) == ["ghcr.io/bjw-s-labs/helm/app-template:\(stack.chart.version.rawValue)"])
        #expect(chart.first?.fields["datasource"] == "docker")
    }

    @Test("images in comments, under values and in mappings are not pins; quoted, flow, CRLF and port forms are")
    func forms() throws {
        let managers = try RenovateRegexManager.managers(
            inPreset: try Self.preset(of: try #require(ConfigLoader.load(text: "version: 1\napps: {plex: }\n").stack))
                .contents)
        let text = """
            version: 1
            # image: ghcr.io/example/commented:1.0.0
            chart: {source: oci, version: "4.1.1"}   # version: 9.9.9
            apps:
              a: {expose: internal, image: ghcr.io/example/a:1.2.3}
              b:
                image: 'registry.example.org:5000/team/b:v2@\(Self.digest)'
              c:
                image: {repository: ghcr.io/example/c, tag: 1.0.0}
                values:
                  controllers: {c: {containers: {app: {image: {repository: ghcr.io/example/x, tag: 2.0.0}}}}}
              d:\r
                image: ghcr.io/example/d:3\r

            """
        #expect(
            try managers[0].dependencies(in: text).map(\.description) == [
                "ghcr.io/example/a:1.2.3", "registry.example.org:5000/team/b:v2@\(Self.digest)",
                "ghcr.io/example/d:3",
            ])
        #expect(
            try managers[1].dependencies(in: text).map(\.description) == ["ghcr.io/bjw-s-labs/helm/app-template:4.1.1"])
        let block =
            "version: 1\nchart:\n  # version: 3.7.3\n\n  source: oci\n  version: 5.1.0\nnamespace: media\napps: {}\n"
        #expect(try managers[1].dependencies(in: block).map { $0.fields["currentValue"] } == ["5.1.0"])
    }

    @Test("a bump rewrites the reference alone: tag and digest, or the tag, even when the tag is in the name")
    func bump() throws {
        let managers = try RenovateRegexManager.managers(
            inPreset: try Self.preset(of: try #require(ConfigLoader.load(text: "version: 1\napps: {plex: }\n").stack))
                .contents)
        let old = "sha256:" + String(repeating: "0", count: 64)
        let text = "version: 1\napps:\n  app2:\n    image: ghcr.io/example/app2:2@\(old)  # two\n  b: {image: x/b:2}\n"
        let bumped = try managers[0].update(0, in: text, newValue: "3", newDigest: Self.digest)
        #expect(
            bumped
                == "version: 1\napps:\n  app2:\n    image: ghcr.io/example/app2:3@\(Self.digest)  # two\n  b: {image: x/b:2}\n"
        )
        let second = try managers[0].update(1, in: text, newValue: "2.1")
        #expect(
            second
                == "version: 1\napps:\n  app2:\n    image: ghcr.io/example/app2:2@\(old)  # two\n  b: {image: x/b:2.1}\n"
        )
        let chart = "version: 1\nchart:\n  version: '4.1.1'   # app-template\napps: {}\n"
        #expect(
            try managers[1].update(0, in: chart, newValue: "5.1.0")
                == "version: 1\nchart:\n  version: '5.1.0'   # app-template\napps: {}\n")
    }

    @Test(
        "the patterns stay within what RE2 and JavaScript share, and the chart rule allows exactly the rendered versions"
    )
    func portablePatterns() throws {
        let preset = try Self.preset(of: try #require(ConfigLoader.load(text: "version: 1\napps: {plex: }\n").stack))
        for manager in try RenovateRegexManager.managers(inPreset: preset.contents) {
            for pattern in manager.matchStrings {
                for construct in [
                    "(?=", "(?!", "(?<=", "(?<!", "(?i", "(?m", "(?s", "(?P", "\\1", "\\k<", "\\p{", "\\Z", "\\A",
                ] {
                    #expect(!pattern.contains(construct), "\(pattern) uses \(construct)")
                }
            }
            #expect(manager.managerFilePatterns == ["/^mediactl\\.yaml$/"])
        }
        #expect(preset.contents.contains(#""allowedVersions": "/^(3\\.7\\.3|4\\.1\\.1|5\\.1\\.0)$/""#))
    }

    @Test("repo.renovate moves the preset or turns it off")
    func settings() throws {
        let moved = try #require(
            ConfigLoader.load(text: "version: 1\nrepo: {renovate: .github/renovate/media.json5}\napps: {plex: }\n")
                .stack)
        let files = Renderer(stack: moved, configPath: "cluster/mediactl.yaml").render()
        let preset = try #require(files.first { $0.path == ".github/renovate/media.json5" })
        #expect(preset.contents.hasPrefix("// Code generated by mediactl. DO NOT EDIT.\n{\n"))
        #expect(preset.contents.contains(#""/^cluster\\/mediactl\\.yaml$/""#))
        #expect(try Self.ignorePaths(preset).contains(".github/renovate/media.json5"))
        let off = try #require(ConfigLoader.load(text: "version: 1\nrepo: {renovate: false}\napps: {plex: }\n").stack)
        #expect(!Renderer(stack: off).render().contains { $0.path.hasSuffix(".json5") })
        for bad in ["renovate.json", "../x.json5", ".git/x.json5", ".json5", "true"] {
            let result = ConfigLoader.load(text: "version: 1\nrepo: {renovate: '\(bad)'}\napps: {plex: }\n")
            #expect(result.hasErrors, "repo.renovate '\(bad)' was accepted")
        }
    }
}
