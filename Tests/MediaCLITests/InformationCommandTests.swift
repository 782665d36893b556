import Foundation
import MediaKit
import MediaTestSupport
import Testing

@Suite("init, explain and catalog")
struct InformationCommandTests {
    @Test("init writes a commented starter that validates and renders, and refuses to overwrite it")
    func initStarter() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = mediactl(["init", "plex", "tautulli"], in: folder)
        #expect(run.status == 0)
        #expect(run.output == "wrote mediactl.yaml; next: edit it, then run 'mediactl render'\n")
        let starter = try #require(text(folder, "mediactl.yaml"))
        #expect(starter.contains("\n  # Plex Media Server: streams movies and TV, transcodes\n  plex: {}\n"))
        #expect(starter.contains("\n  tautulli: {}\n"))
        let validate = mediactl(["validate"], in: folder)
        #expect(validate.status == 0 && validate.error.isEmpty, "\(validate.error)")
        #expect(mediactl(["render"], in: folder).status == 0)
        let again = mediactl(["init"], in: folder)
        #expect(again.status == 1)
        #expect(again.error.contains("'mediactl.yaml' already exists; pass --force to replace it"))
        #expect(text(folder, "mediactl.yaml") == starter)
        #expect(mediactl(["init", "--force"], in: folder).status == 0)
        #expect(text(folder, "mediactl.yaml")?.contains("  qbittorrent: {}\n") == true, "default apps")
    }

    @Test("the starter's media-volume lines, uncommented, give the *arr app and the client one /data mount")
    func initMediaVolumeHint() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mediactl(["init", "--gateway", "sonarr", "qbittorrent"], in: folder).status == 0)
        let starter = try #require(text(folder, "mediactl.yaml"))
        let before = mediactl(["validate"], in: folder)
        #expect(before.status == 0 && before.error.contains("share no volume"), "\(before.error)")
        let hint = ["  # volumes: {data: {nfs: {server: nas.internal, path: /volume1/data}}}\n", "  # media: data\n"]
        var edited = starter
        for line in hint {
            #expect(edited.contains("\n" + line), "the starter shows '\(line)'")
            edited = edited.replacingOccurrences(of: "\n" + line, with: "\n  " + line.dropFirst(4))
        }
        try Data(edited.utf8).write(to: folder.appendingPathComponent("mediactl.yaml"))
        let after = mediactl(["validate"], in: folder)
        #expect(after.status == 0 && after.error.isEmpty, "\(after.error)")
        #expect(mediactl(["render"], in: folder).status == 0)
        for app in ["sonarr", "qbittorrent"] {
            let release = try #require(text(folder, "kubernetes/apps/media/\(app)/app/helmrelease.yaml"))
            #expect(release.contains("server: nas.internal"), "\(app) mounts the NAS")
            #expect(release.contains("- path: /data\n"), "\(app) sees it at /data")
        }
    }

    @Test("init rejects a service that is not in the catalog and suggests one")
    func initUnknown() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = mediactl(["init", "sonar"], in: folder)
        #expect(run.status == 1)
        #expect(run.error.contains("'sonar' is not in the catalog; did you mean 'sonarr'?"))
        #expect(Fixtures.entries(of: folder).isEmpty)
    }

    @Test("explain prints the resolved spec and the files, in text and JSON")
    func explain() throws {
        let config = "Examples/home-ops/mediactl.yaml"
        let run = mediactl(["explain", "overseerr", "--config", config])
        #expect(run.status == 0)
        #expect(run.output.contains("service       overseerr (deprecated → seerr)\n"))
        #expect(run.output.contains("probe         HTTP /api/v1/status\n"))
        #expect(run.output.contains("resources     requests cpu 100m, memory 128Mi; limits cpu 1000m, memory 1024Mi\n"))
        #expect(run.output.contains("  kubernetes/apps/media/overseerr/app/pvc.yaml\n"))
        let json = mediactl(["explain", "tautulli", "--json", "--config", config])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let tautulli = try #require(Catalog.entry(for: ServiceID(rawValue: "tautulli"))?.spec)
        #expect(object["image"] as? String == tautulli.image.description)
        #expect(tautulli.image.description.hasPrefix("ghcr.io/home-operations/tautulli:"))
        #expect(object["sidecars"] as? [String] == tautulli.sidecars.map { "jbops: \($0.image)" })
        #expect(tautulli.sidecars.first?.image.repository == "registry.k8s.io/git-sync/git-sync")
        #expect(object["host"] as? String == "tautulli.${SECRET_DOMAIN}")
        let immich = mediactl(["explain", "immich", "--config", "Examples/full-stack/mediactl.yaml"])
        #expect(immich.status == 0)
        #expect(
            immich.output.contains(
                "provide       immich-database (postgresql: DB_HOSTNAME, DB_USERNAME, DB_PASSWORD, DB_DATABASE_NAME)\n")
        )
        #expect(
            immich.output.contains(
                "services      immich (http 2283); immich-machine-learning (http 3003); immich-valkey (redis 6379)\n"))
        let sabnzbd = mediactl(["explain", "sabnzbd", "--config", "Examples/full-stack/mediactl.yaml"])
        #expect(
            sabnzbd.output.contains("provide       sabnzbd-exportarr (exportarr: API_KEY); sabnzbd-vpn (gluetun)\n"))
        let unknown = mediactl(["explain", "tautuli", "--config", config])
        #expect(unknown.status == 1 && unknown.error.contains("did you mean 'tautulli'?"))
    }

    @Test("catalog lists every service as a table and as JSON")
    func catalog() throws {
        let table = mediactl(["catalog"])
        #expect(table.status == 0)
        var lines = table.output.split(separator: "\n")
        #expect(lines.first == "catalog as of \(Catalog.checkedOn)")
        lines.removeFirst()
        #expect(lines.first?.hasPrefix("ID ") == true)
        #expect(lines.contains { $0.hasPrefix("plex ") && $0.contains("ghcr.io/home-operations/plex:") })
        #expect(lines.contains { $0.hasPrefix("overseerr ") && $0.hasSuffix("deprecated → seerr") })
        let json = mediactl(["catalog", "--json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(entries.count == lines.count - 1)
        let tautulli = try #require(entries.first { $0["id"] as? String == "tautulli" })
        #expect(tautulli["port"] as? Int == 8181 && tautulli["probe"] as? String == "HTTP /status")
        let ids = entries.compactMap { $0["id"] as? String }
        #expect(Set(ids) == Set(Catalog.ids.map(\.rawValue)) && ids.count == 37)
        for entry in entries {
            for field in ["category", "summary", "image", "tag", "probe", "status", "needs"] {
                #expect(entry[field] != nil, "\(entry["id"] ?? "?") has no \(field)")
            }
            #expect(entry["tag"] as? String != "latest", "\(entry["id"] ?? "?") uses latest")
        }
        let immich = try #require(entries.first { $0["id"] as? String == "immich" })
        #expect(immich["needs"] as? [String] == ["postgresql", "redis"])
        let jellyseerr = try #require(entries.first { $0["id"] as? String == "jellyseerr" })
        #expect(jellyseerr["status"] as? String == "deprecated" && jellyseerr["replacedBy"] as? String == "seerr")
        #expect(mediactl(["catalog", "--format", "json"]).output == json.output)
    }

    @Test("Docs/Catalog.md is what catalog --format markdown prints")
    func catalogMarkdown() throws {
        let run = mediactl(["catalog", "--format", "markdown"])
        #expect(run.status == 0)
        let committed = try #require(Fixtures.text(Fixtures.packageRoot.appendingPathComponent("Docs/Catalog.md")))
        #expect(
            run.output == committed,
            "Docs/Catalog.md is stale; run: swift run mediactl catalog --format markdown > Docs/Catalog.md")
        for id in Catalog.ids { #expect(committed.contains("\n| \(id) | "), "\(id) missing from Docs/Catalog.md") }
    }
}
