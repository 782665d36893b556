import Foundation
import MediaKit
import MediaRender
import MediaTestSupport
import Testing

@Suite("pin")
struct PinCommandTests {
    static let examples = ["arr-stack", "full-catalog", "full-stack", "home-ops", "plex"]

    @Test(
        "pin on each example only adds pin lines, leaves the tree as it was, and finds nothing the second time",
        arguments: examples)
    func example(name: String) throws {
        let folder = try exampleCopy(name)
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try #require(text(folder, "mediactl.yaml"))
        #expect(mediactl(["render"], in: folder).status == 0)
        let tree = try snapshot(folder)

        let run = mediactl(["pin"], in: folder)
        #expect(run.status == 0, "\(run.error)")
        let edited = try #require(text(folder, "mediactl.yaml"))
        #expect(edited != original)
        // Every original line is still there, in order: unchanged, or with `image: …, ` first in its flow mapping,
        // or without the `{}` that gave way to a block; each added line is a pin.
        var remaining = original.split(separator: "\n", omittingEmptySubsequences: false)[...]
        for line in edited.split(separator: "\n", omittingEmptySubsequences: false) {
            if line != remaining.first, line.wholeMatch(of: /\s*image: [^ ]+:[^ ]+|chart:|\s+version: '[0-9.]+'/) != nil
            {
                continue
            }
            let cleaned = line.replacing(#/\{image: [^ ,}]+, /#, with: "{")
            guard let next = remaining.first, cleaned == next || cleaned + " {}" == next else {
                Issue.record("'\(line)' is neither a pin nor the next original line '\(remaining.first ?? "")'")
                break
            }
            remaining.removeFirst()
        }
        #expect(remaining.isEmpty, "lines lost: \(remaining)")
        #expect(try snapshot(folder) == tree, "pin changed the tree")
        #expect(mediactl(["check"], in: folder).status == 0)
        let again = mediactl(["pin"], in: folder)
        #expect(again.status == 0 && again.output.hasPrefix("nothing to pin in mediactl.yaml"))
        #expect(text(folder, "mediactl.yaml") == edited)
    }

    @Test("every app of the full catalog gets its catalog image, digest included when the catalog has one")
    func fullCatalog() throws {
        let folder = try exampleCopy("full-catalog")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mediactl(["pin"], in: folder).status == 0)
        let edited = try #require(text(folder, "mediactl.yaml"))
        var pinned = 0
        for entry in Catalog.entries {
            guard let image = entry.spec?.image, edited.contains("  \(entry.id):\n") else { continue }
            #expect(edited.contains("  \(entry.id):\n    image: \(image)\n"), "\(entry.id)")
            pinned += 1
        }
        #expect(pinned == 37)
        #expect(edited.contains("@sha256:"))
    }

    @Test("--dry-run prints the edit as a unified diff and writes nothing")
    func dryRun() throws {
        let folder = try exampleCopy("plex")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try #require(text(folder, "mediactl.yaml"))
        let dry = mediactl(["pin", "--dry-run"], in: folder)
        #expect(dry.status == 0, "\(dry.error)")
        #expect(text(folder, "mediactl.yaml") == original)
        #expect(mediactl(["pin"], in: folder).status == 0)
        let edited = try #require(text(folder, "mediactl.yaml"))
        #expect(
            dry.output
                == UnifiedDiff(oldName: "a/mediactl.yaml", newName: "b/mediactl.yaml").text(
                    from: original, to: edited))
        #expect(dry.output.hasPrefix("--- a/mediactl.yaml\n+++ b/mediactl.yaml\n@@ "))
    }

    @Test("pin APP pins that app and the chart version; an explicit image stays; an unknown app is refused")
    func namedApps() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = """
            version: 1
            apps:
              sonarr:
              radarr:
                image: ghcr.io/home-operations/radarr:5.0.0
              plex: {expose: external}

            """
        try write(config, to: folder.appendingPathComponent("mediactl.yaml"))
        let unknown = mediactl(["pin", "sonar"], in: folder)
        #expect(
            unknown.status == 1 && unknown.error.contains("no app 'sonar' in mediactl.yaml; did you mean 'sonarr'?"))
        let run = mediactl(["pin", "sonarr", "radarr"], in: folder)
        #expect(run.status == 0, "\(run.error)")
        let sonarr = try #require(Catalog.entry(for: ServiceID(rawValue: "sonarr"))?.spec?.image)
        #expect(
            text(folder, "mediactl.yaml") == """
                version: 1
                chart:
                  version: '5.1.0'
                apps:
                  sonarr:
                    image: \(sonarr)
                  radarr:
                    image: ghcr.io/home-operations/radarr:5.0.0
                  plex: {expose: external}

                """)
        #expect(
            run.output == """
                pinned 2 defaults in mediactl.yaml:
                  chart.version  5.1.0
                  sonarr         \(sonarr)
                the rendered tree is unchanged; commit mediactl.yaml, and Renovate bumps the pins

                """)
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
