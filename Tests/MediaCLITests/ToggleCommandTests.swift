import Foundation
import MediaTestSupport
import Testing

@Suite("enable and disable")
struct ToggleCommandTests {
    static let media = "kubernetes/apps/media"

    @Test("enable plex-exporter flips ks.dis → ks.yaml, lists it, changes one config line; disable reverses it all")
    func roundTrip() throws {
        let folder = try exampleCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try #require(text(folder, "mediactl.yaml"))
        #expect(mediactl(["render"], in: folder).status == 0)
        let tree = try snapshot(folder)

        let enable = mediactl(["enable", "plex-exporter"], in: folder)
        #expect(enable.status == 0, "\(enable.error)")
        #expect(
            enable.output.hasPrefix(
                "enabled 'plex-exporter' in mediactl.yaml\nrendered 55 files: 1 added, 2 updated, 1 removed, 52 unchanged\nnext:\n"
            ))
        #expect(enable.output.contains("  flux reconcile kustomization plex-exporter --with-source -n media\n"))
        let edited = try #require(text(folder, "mediactl.yaml"))
        let changed = zip(
            original.split(separator: "\n", omittingEmptySubsequences: false),
            edited.split(separator: "\n", omittingEmptySubsequences: false)
        ).filter { $0 != $1 }
        #expect(changed.map { "\($0.0) → \($0.1)" } == ["    enabled: false →     enabled: true"])
        #expect(text(folder, "\(Self.media)/plex-exporter/ks.yaml") != nil)
        #expect(text(folder, "\(Self.media)/plex-exporter/ks.dis") == nil)
        #expect(text(folder, "\(Self.media)/kustomization.yaml")?.contains("  - ./plex-exporter/ks.yaml\n") == true)
        #expect(mediactl(["check"], in: folder).status == 0)

        let again = mediactl(["enable", "plex-exporter"], in: folder)
        #expect(again.status == 0 && again.output.hasPrefix("'plex-exporter' already enabled"))

        let disable = mediactl(["disable", "plex-exporter"], in: folder)
        #expect(disable.status == 0, "\(disable.error)")
        #expect(text(folder, "mediactl.yaml") == original, "config not byte-identical after enable + disable")
        #expect(try snapshot(folder) == tree, "tree differs after enable + disable")
    }

    @Test("disable refuses an app an enabled app depends on, unless --force")
    func dependents() throws {
        let folder = try exampleCopy("plex")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try #require(text(folder, "mediactl.yaml"))
        let refused = mediactl(["disable", "plex"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.error.contains("refusing to disable 'plex': enabled app 'wizarr' depends on it"))
        #expect(text(folder, "mediactl.yaml") == original)
        let both = mediactl(["disable", "plex", "wizarr"], in: folder)
        #expect(both.status == 0, "\(both.error)")
        #expect(text(folder, "\(Self.media)/plex/ks.dis") != nil && text(folder, "\(Self.media)/wizarr/ks.dis") != nil)
        #expect(mediactl(["enable", "plex", "wizarr"], in: folder).status == 0)
        let forced = mediactl(["disable", "--force", "plex"], in: folder)
        #expect(forced.status == 0)
        #expect(forced.error.contains("warning: app 'wizarr' depends on 'plex', which is disabled"))
    }

    @Test("the enabled line is inserted when missing: block, flow and empty app entries")
    func insertion() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = """
            version: 1
            cluster: {domain: example.org}
            apps:
              sonarr:   # TV
                expose: none
              radarr: {expose: none}
              qbittorrent:
            """
        try write(config + "\n", to: folder.appendingPathComponent("mediactl.yaml"))
        let run = mediactl(["disable", "sonarr", "radarr", "qbittorrent"], in: folder)
        #expect(run.status == 0, "\(run.error)")
        #expect(
            text(folder, "mediactl.yaml") == """
                version: 1
                cluster: {domain: example.org}
                apps:
                  sonarr:   # TV
                    enabled: false
                    expose: none
                  radarr: {enabled: false, expose: none}
                  qbittorrent:
                    enabled: false

                """)
        #expect(text(folder, "\(Self.media)/kustomization.yaml")?.contains("ks.yaml") == false)
    }

    @Test("enable of an app that is enabled by default says so and leaves the config byte for byte")
    func alreadyEnabled() throws {
        let folder = try exampleCopy("plex")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try #require(text(folder, "mediactl.yaml"))
        #expect(mediactl(["render"], in: folder).status == 0)
        let tree = try snapshot(folder)
        let run = mediactl(["enable", "plex", "wizarr"], in: folder)
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.hasPrefix("'plex', 'wizarr' already enabled in mediactl.yaml\nrendered "), "\(run.output)")
        #expect(text(folder, "mediactl.yaml") == original)
        #expect(try snapshot(folder) == tree)
        // One to change and one already so: each is named for what happened to it.
        #expect(mediactl(["disable", "wizarr"], in: folder).status == 0)
        let mixed = mediactl(["enable", "plex", "wizarr"], in: folder)
        #expect(mixed.status == 0, "\(mixed.error)")
        #expect(
            mixed.output.hasPrefix(
                "enabled 'wizarr' in mediactl.yaml\n'plex' already enabled in mediactl.yaml\n"), "\(mixed.output)")
        let again = mediactl(["disable", "wizarr"], in: folder)
        #expect(mediactl(["disable", "wizarr"], in: folder).output.hasPrefix("'wizarr' already disabled"))
        #expect(again.status == 0)
    }

    @Test("an unknown app is an error with a suggestion, and nothing changes")
    func unknownApp() throws {
        let folder = try exampleCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = mediactl(["enable", "plex-exportr"], in: folder)
        #expect(run.status == 1)
        #expect(run.error.contains("no app 'plex-exportr' in mediactl.yaml; did you mean 'plex-exporter'?"))
        #expect(Fixtures.entries(of: folder) == ["mediactl.yaml"])
        #expect(mediactl(["enable"], in: folder).status == 64)
    }

    @Test("enable refuses before editing the config when render would overwrite a hand-written file")
    func refusedRender() throws {
        let folder = try exampleCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try #require(text(folder, "mediactl.yaml"))
        try write("mine\n", to: folder.appendingPathComponent("\(Self.media)/plex-exporter/ks.yaml"))
        let run = mediactl(["enable", "plex-exporter"], in: folder)
        #expect(run.status == 1)
        #expect(run.error.contains("refusing to overwrite 'kubernetes/apps/media/plex-exporter/ks.yaml'"))
        #expect(text(folder, "mediactl.yaml") == original)
    }

    /// Every file below `folder` except the config, with its text.
    private func snapshot(_ folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        for path in GoldenTree.relativeFiles(under: folder) where path != "mediactl.yaml" {
            files[path] = text(folder, path)
        }
        return files
    }
}
