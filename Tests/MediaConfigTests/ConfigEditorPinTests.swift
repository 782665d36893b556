import MediaConfig
import MediaYAML
import Testing

@Suite("config editor: pins")
struct ConfigEditorPinTests {
    static let image = "ghcr.io/home-operations/sonarr:4.0.19.3001@sha256:" + String(repeating: "ab", count: 32)

    private func image(_ text: String, _ app: String = "sonarr") throws -> String {
        let root = try #require(YAMLReader().read(text).root)
        return try ConfigEditor(source: text, root: root).addingImage(Self.image, to: app)
    }

    private func chart(_ text: String, _ version: String = "5.1.0") throws -> String {
        let root = try #require(YAMLReader().read(text).root)
        return try ConfigEditor(source: text, root: root).addingChartVersion(version)
    }

    @Test("an image line goes before the first key listed after image, above that key's comments")
    func blockMapping() throws {
        let text = """
            version: 1
            apps:
              sonarr:
                service: sonarr
                # reachable from outside
                expose: external   # with auth
                host: tv
              radarr: {}

            """
        #expect(
            try image(text) == """
                version: 1
                apps:
                  sonarr:
                    service: sonarr
                    image: \(Self.image)
                    # reachable from outside
                    expose: external   # with auth
                    host: tv
                  radarr: {}

                """)
        // Only keys listed before image: the line goes first.
        #expect(
            try image("version: 1\napps:\n    sonarr:\n        enabled: false\n")
                == "version: 1\napps:\n    sonarr:\n        image: \(Self.image)\n        enabled: false\n")
    }

    @Test("empty, {}, null and flow app entries; CRLF files stay CRLF; apps written as a flow mapping")
    func otherForms() throws {
        let block = "version: 1\napps:\n  sonarr:\n    image: \(Self.image)\n"
        #expect(try image("version: 1\napps:\n  sonarr:\n") == block)
        #expect(try image("version: 1\napps:\n  sonarr:") == block)
        #expect(try image("version: 1\napps:\n  sonarr: {}\n") == block)
        #expect(
            try image("version: 1\napps:\n  sonarr: {}   # TV\n  plex:\n")
                == "version: 1\napps:\n  sonarr:   # TV\n    image: \(Self.image)\n  plex:\n")
        #expect(
            try image("version: 1\napps:\n  sonarr: ~\n") == "version: 1\napps:\n  sonarr: {image: \(Self.image)}\n")
        #expect(
            try image("version: 1\napps:\n  sonarr: {expose: external}\n")
                == "version: 1\napps:\n  sonarr: {image: \(Self.image), expose: external}\n")
        #expect(
            try image("version: 1\r\napps:\r\n  sonarr:\r\n    expose: external\r\n")
                == "version: 1\r\napps:\r\n  sonarr:\r\n    image: \(Self.image)\r\n    expose: external\r\n")
        #expect(
            try image("version: 1\napps: {sonarr: {}, plex: }\n")
                == "version: 1\napps: {sonarr: {image: \(Self.image)}, plex: }\n")
        #expect(
            try image("version: 1\napps: {plex: {}, sonarr: }\n")
                == "version: 1\napps: {plex: {}, sonarr: {image: \(Self.image)}}\n")
    }

    @Test("every added value reads back as the same string")
    func readsBack() throws {
        for text in [
            "version: 1\napps:\n  sonarr:\n", "version: 1\napps:\n  sonarr: {expose: external}\n",
            "version: 1\napps: {sonarr: }\n",
        ] {
            let edited = try image(text)
            let root = try #require(YAMLReader().read(edited).root)
            let apps = try #require(root.pairs?.first { $0.keyText == "apps" }?.value.pairs)
            let sonarr = try #require(apps.first { $0.keyText == "sonarr" }?.value.pairs)
            #expect(sonarr.first { $0.keyText == "image" }?.value.scalar?.text == Self.image, "\(edited)")
        }
    }

    @Test("chart.version goes into chart, or as a new chart block above the comments of the key after it")
    func chartVersion() throws {
        #expect(
            try chart("version: 1\nchart:\n  source: oci\napps:\n  plex:\n")
                == "version: 1\nchart:\n  version: '5.1.0'\n  source: oci\napps:\n  plex:\n")
        #expect(
            try chart("version: 1\nchart: {source: oci}\napps: {}\n")
                == "version: 1\nchart: {version: '5.1.0', source: oci}\napps: {}\n")
        #expect(try chart("version: 1\nchart:\napps: {}\n") == "version: 1\nchart:\n  version: '5.1.0'\napps: {}\n")
        #expect(
            try chart("version: 1\n# the namespace\nnamespace: media\napps:\n    plex:\n")
                == "version: 1\nchart:\n    version: '5.1.0'\n# the namespace\nnamespace: media\napps:\n    plex:\n")
        #expect(
            try chart("# header\nversion: 1\nrepo:\n  appsDir: k\napps:\n  plex:\n", "4.1.1")
                == "# header\nversion: 1\nrepo:\n  appsDir: k\nchart:\n  version: '4.1.1'\napps:\n  plex:\n")
    }

    @Test("a key that is there already, an app that is not, and a flow top level without chart are refused")
    func failures() throws {
        #expect(throws: ConfigEditor.Failure.self) { try image("version: 1\napps:\n  sonarr: {image: 'a:1'}\n") }
        #expect(throws: ConfigEditor.Failure.self) { try image("version: 1\napps:\n  plex:\n") }
        #expect(throws: ConfigEditor.Failure.self) { try image("version: 1\napps:\n  sonarr: [a]\n") }
        #expect(throws: ConfigEditor.Failure.self) { try chart("version: 1\nchart: {version: 4.1.1}\napps: {}\n") }
        #expect(throws: ConfigEditor.Failure.self) { try chart("{version: 1, apps: {plex: }}\n") }
    }
}
