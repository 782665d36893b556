import Foundation
import MediaTestSupport
import Testing

@Suite("validate")
struct ValidateCommandTests {
    @Test("the home-ops example validates with exit 0; Overseerr's deprecation is a warning")
    func validExample() {
        let run = mediactl(["validate", "--config", "Examples/home-ops/mediactl.yaml"])
        #expect(run.status == 0)
        #expect(run.output == "Examples/home-ops/mediactl.yaml: valid (6 apps, 4 enabled, 1 warning)\n")
        #expect(
            run.error.hasPrefix(
                "Examples/home-ops/mediactl.yaml:46:3: warning: service 'overseerr' is deprecated upstream; "
                    + "move to its successor 'seerr'\n"))
    }

    @Test("a bad config prints its diagnostics and a count on stderr and exits 1")
    func invalidConfig() throws {
        let path = "Fixtures/config-errors/several-errors.yaml"
        let run = mediactl(["validate", "--config", path])
        #expect(run.status == 1)
        #expect(run.output.isEmpty)
        let golden = try #require(
            Fixtures.text(Fixtures.root.appendingPathComponent("config-errors/several-errors.expected.txt")))
        let expected =
            golden.replacingOccurrences(of: "several-errors.yaml:", with: path + ":")
            + "\(path): 4 errors, 0 warnings\n"
        #expect(run.error == expected)
    }

    @Test("--format json reports every diagnostic with its position")
    func json() throws {
        let run = mediactl([
            "validate", "--format", "json", "--config", "Fixtures/config-errors/retyped-plain-values.yaml",
        ])
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == false)
        #expect(object["errors"] as? Int == 1)
        #expect(object["warnings"] as? Int == 3)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["line"] as? Int } == [4, 7, 8, 9])
        #expect(diagnostics.last?["severity"] as? String == "error")
        let valid = mediactl(["validate", "--format", "json", "--config", "Examples/home-ops/mediactl.yaml"])
        #expect(valid.status == 0 && valid.output.contains("\"valid\" : true"))
    }

    @Test("--quiet prints errors only; warnings and the success line are dropped")
    func quiet() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(
            "version: 1\ncluster: {timezone: no, domain: example.org}\napps:\n  plex:\n",
            to: directory.appendingPathComponent("mediactl.yaml"))
        let loud = mediactl(["validate"], in: directory)
        #expect(loud.status == 0 && loud.error.contains("warning: plain 'no'") && loud.output.contains("1 warning"))
        let quiet = mediactl(["validate", "-q"], in: directory)
        #expect(quiet.status == 0 && quiet.error.isEmpty && quiet.output.isEmpty)
    }

    @Test("colour: always colours, never does not, auto follows the terminal and NO_COLOR")
    func color() {
        let bad = ["validate", "--config", "Fixtures/config-errors/enabled-yes.yaml"]
        #expect(mediactl(bad + ["--color", "always"]).error.contains("\u{1B}[1;31merror:"))
        #expect(!mediactl(bad + ["--color", "never"], terminal: true).error.contains("\u{1B}"))
        #expect(mediactl(bad, terminal: true).error.contains("\u{1B}[1;31merror:"))
        #expect(!mediactl(bad, environment: ["NO_COLOR": "1"], terminal: true).error.contains("\u{1B}"))
        #expect(!mediactl(bad, terminal: false).error.contains("\u{1B}"))
    }

    @Test("the config is found in the working directory or a parent up to the git root")
    func discovery() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let nested = root.appendingPathComponent("kubernetes/apps")
        try write("", to: nested.appendingPathComponent(".keep"))
        try write("", to: root.appendingPathComponent(".git/HEAD"))
        try write(
            "version: 1\nrepo: {substituteFrom: [cluster-secrets]}\napps:\n  plex:\n",
            to: root.appendingPathComponent("mediactl.yaml"))
        let run = mediactl(["validate"], in: nested)
        #expect(run.status == 0)
        #expect(run.output == "../../mediactl.yaml: valid (1 app, 1 enabled)\n")
        let byFolder = mediactl(["validate", "--config", root.path])
        #expect(byFolder.status == 0 && byFolder.output.hasPrefix(root.path + "/mediactl.yaml: valid"))
    }

    @Test("the search stops at the git root, and a missing config is a clear error with exit 1")
    func missingConfig() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let repo = root.appendingPathComponent("repo")
        try write("", to: repo.appendingPathComponent(".git/HEAD"))
        // A config above the git root must not be picked up.
        try write("version: 1\napps: {}\n", to: root.appendingPathComponent("mediactl.yaml"))
        let run = mediactl(["validate"], in: repo)
        #expect(run.status == 1)
        #expect(run.error.contains("no mediactl.yaml in the current directory or its parents up to the git root"))
        let explicit = mediactl(["validate", "--config", "nope.yaml"], in: repo)
        #expect(explicit.status == 1 && explicit.error == "mediactl: error: cannot read 'nope.yaml': no such file\n")
    }
}
