import MediaConfig
import MediaYAML
import Testing

@Suite("config editor")
struct ConfigEditorTests {
    private func edit(_ text: String, _ enabled: Bool, _ app: String) throws -> String {
        let root = try #require(YAMLReader().read(text).root)
        return try ConfigEditor(source: text, root: root).settingEnabled(enabled, for: app)
    }

    @Test("an existing enabled value is replaced in place, comments and spacing kept")
    func replace() throws {
        let text = "version: 1\napps:\n  plex:\n    enabled:   true   # on\n    host: tv\n"
        #expect(
            try edit(text, false, "plex") == "version: 1\napps:\n  plex:\n    enabled:   false   # on\n    host: tv\n")
        #expect(try edit(text, true, "plex") == text, "already true: unchanged")
    }

    @Test("a null app becomes a flow mapping; an empty one gets a line indented like the file; CRLF files stay CRLF")
    func nullAndEmpty() throws {
        #expect(
            try edit("version: 1\napps:\n  plex: ~\n", false, "plex") == "version: 1\napps:\n  plex: {enabled: false}\n"
        )
        #expect(
            try edit("version: 1\napps:\n    plex:", false, "plex")
                == "version: 1\napps:\n    plex:\n        enabled: false\n")
        #expect(
            try edit("version: 1\r\napps:\r\n  plex:\r\n    host: tv\r\n", false, "plex")
                == "version: 1\r\napps:\r\n  plex:\r\n    enabled: false\r\n    host: tv\r\n")
        #expect(
            try edit("version: 1\napps: {plex: {}}\n", false, "plex") == "version: 1\napps: {plex: {enabled: false}}\n")
    }

    @Test("enabling an app without an 'enabled' key changes nothing: apps are enabled by default")
    func enabledByDefault() throws {
        for text in [
            "version: 1\napps:\n  plex:\n    host: tv\n", "version: 1\napps: {plex: {host: tv}}\n",
            "version: 1\napps:\n  plex:\n", "version: 1\napps:\n  plex: ~\n", "version: 1\napps: {plex: {}}\n",
        ] {
            #expect(try edit(text, true, "plex") == text, "\(text)")
        }
    }

    @Test("editing an app that is not there, or not a mapping, fails with a position")
    func failures() throws {
        #expect(throws: ConfigEditor.Failure.self) { try edit("version: 1\napps:\n  plex:\n", false, "sonarr") }
        #expect(throws: ConfigEditor.Failure.self) { try edit("version: 1\napps:\n  plex: [a]\n", false, "plex") }
        #expect(throws: ConfigEditor.Failure.self) { try edit("version: 1\n", false, "plex") }
    }
}
