import Foundation
import MediaConfig
import MediaKit
import MediaTestSupport
import Testing

/// The lints of `check` that look at the whole stack: hardlink-safe storage, SQLite on network file systems,
/// `latest` tags and options on services that cannot use them.
@Suite("stack lints")
struct StackLintTests {
    /// The decoded stack of `text` and its validation issues as `line:col: severity: message`.
    func lint(_ text: String) throws -> [String] {
        let result = ConfigLoader.load(text: text)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let stack = try #require(result.stack)
        return result.diagnostics(for: StackValidator(stack: stack).validate()).map { diagnostic in
            let position = diagnostic.position.map { "\($0.line):\($0.column): " } ?? ""
            return position + "\(diagnostic.severity): \(diagnostic.message)"
        }
    }

    static let volumes = """
        version: 1
        repo: {substituteFrom: [cluster-secrets]}
        storage:
          volumes:
            data: {nfs: {server: nas.lan, path: /volume1/data}}

        """

    @Test("separate /tv and /downloads mounts in an *arr app are an error at its mounts")
    func separateMounts() throws {
        let issues = try lint(
            Self.volumes + """
                apps:
                  sonarr:
                    mounts:
                      - {volume: data, path: /tv, subPath: media/tv}
                      - {volume: data, path: /downloads, subPath: downloads}
                  qbittorrent:
                    mounts: [{volume: data, path: /downloads, subPath: downloads}]
                """)
        #expect(issues.count == 1, "\(issues)")
        #expect(
            issues.first?.hasPrefix(
                "8:5: error: app 'sonarr' mounts '/downloads' and '/tv' separately; hardlinks and atomic moves do "
                    + "not cross mounts") == true, "\(issues)")
    }

    @Test("an *arr app and a download client that see downloads at different paths are an error")
    func differentPaths() throws {
        let issues = try lint(
            Self.volumes + """
                apps:
                  radarr:
                    mounts: [{volume: data, path: /data}]
                  sabnzbd:
                    mounts: [{volume: data, path: /downloads, subPath: usenet}]
                """)
        #expect(
            issues == [
                "8:5: error: apps 'radarr' and 'sabnzbd' do not see downloads at the same path on one volume "
                    + "('data' at '/data' vs 'data' at '/downloads' (usenet)), so imports fail or copy: mount the "
                    + "same volume at the same path in both ('storage.media' does this)"
            ])
    }

    @Test("download clients are judged by their own mounts: only the one the *arr app cannot see is an error")
    func clientsWithDifferentLayouts() throws {
        // Clients are grouped by mount layout; clients with different layouts must not share a verdict.
        let issues = try lint(
            Self.volumes + """
                apps:
                  radarr:
                    mounts: [{volume: data, path: /data}]
                  qbittorrent:
                    mounts: [{volume: data, path: /data/torrents, subPath: torrents}]
                  sabnzbd:
                    mounts: [{volume: data, path: /downloads, subPath: usenet}]
                  deluge:
                    mounts: [{volume: data, path: /data/torrents, subPath: torrents}]
                """)
        #expect(issues.count == 1, "\(issues)")
        #expect(issues.first?.contains("apps 'radarr' and 'sabnzbd' do not see downloads") == true, "\(issues)")
    }

    @Test("a client folder that appears at the same path inside the *arr app's mount is fine")
    func coveredFolder() throws {
        let issues = try lint(
            Self.volumes + """
                apps:
                  radarr:
                    mounts: [{volume: data, path: /data}]
                  sabnzbd:
                    mounts: [{volume: data, path: /data/usenet, subPath: usenet}]
                """)
        #expect(issues.isEmpty, "\(issues)")
    }

    @Test("storage.media mounts the volume at /data in every *arr app and client, read-only in media servers")
    func mediaRoles() throws {
        let text =
            Self.volumes + """
                  media: data
                apps:
                  sonarr:
                  qbittorrent:
                  plex:
                  navidrome:
                  overseerr:
                """
        let issues = try lint(text)
        #expect(issues.allSatisfy { $0.contains("deprecated") }, "\(issues)")
        let stack = try #require(ConfigLoader.load(text: text).stack)
        let apps = Dictionary(
            uniqueKeysWithValues: AppResolver(stack: stack).resolveAll().map { ($0.name.rawValue, $0.mounts) })
        for name in ["sonarr", "qbittorrent"] {
            #expect(apps[name]?.map { "\($0.path) rw=\(!$0.readOnly)" } == ["/data rw=true"], "\(name)")
        }
        #expect(apps["plex"]?.map { "\($0.path) rw=\(!$0.readOnly)" } == ["/data rw=false"])
        #expect(
            apps["navidrome"]?.map { "\($0.path) \($0.subPath ?? "") \($0.readOnly)" } == ["/music media/music true"])
        #expect(apps["overseerr"]?.isEmpty == true)
    }

    @Test("config on the media volume (seed 002) keeps the /data mount and makes the Deployment Recreate")
    func configOnMediaVolume() throws {
        let stack = try #require(
            ConfigLoader.load(
                text: Self.volumes + """
                      media: data
                    apps:
                      sonarr:
                        storage: false
                        mounts: [{volume: data, path: /config, subPath: config/sonarr}]
                    """
            ).stack)
        let sonarr = try #require(AppResolver(stack: stack).resolveAll().first)
        #expect(sonarr.mounts.map { "\($0.path) \($0.subPath ?? "-")" } == ["/config config/sonarr", "/data -"])
        #expect(sonarr.configVolume == nil && sonarr.keepsConfig)
    }

    @Test("no hardlink or storage lint fires on the shipped examples")
    func examplesAreClean() throws {
        for config in Fixtures.exampleConfigs() {
            let issues = try lint(try #require(Fixtures.text(config)))
            #expect(!issues.contains { $0.contains("error:") }, "\(config.path): \(issues)")
            #expect(!issues.contains { $0.contains("hardlink") || $0.contains("same path") }, "\(config.path)")
        }
    }

    @Test("an *arr app and a client with no shared volume get a warning naming storage.media")
    func noSharedVolume() throws {
        let issues = try lint("version: 1\nrepo: {substituteFrom: [s]}\napps:\n  sonarr:\n  qbittorrent:\n")
        #expect(
            issues == [
                "4:3: warning: apps 'sonarr' and 'qbittorrent' share no volume, so downloads never reach the library; "
                    + "name the volume for downloads and media in 'storage.media'"
            ])
    }

    @Test("SQLite config on an NFS or SMB storage class, or on an NFS volume, is a warning")
    func sqliteOnNetworkStorage() throws {
        let issues = try lint(
            """
            version: 1
            repo: {substituteFrom: [s]}
            storage:
              config: {storageClass: samba-storage}
              volumes:
                nas: {nfs: {server: nas.lan, path: /config}}
            apps:
              sonarr:
              prowlarr:
                storage: false
                mounts: [{volume: nas, path: /config, subPath: prowlarr}]
              plex-exporter:
            """)
        #expect(
            issues == [
                "11:5: warning: app 'prowlarr' keeps its SQLite database in its config folder on NFS server 'nas.lan'; "
                    + "network file systems break SQLite's locking and can corrupt it, so prefer block storage "
                    + "(Longhorn, local-path)",
                "8:3: warning: app 'sonarr' keeps its SQLite database in its config folder on storage class "
                    + "'samba-storage'; network file systems break SQLite's locking and can corrupt it, so prefer "
                    + "block storage (Longhorn, local-path)",
            ])
    }

    @Test("an image with the tag latest is an error at the image")
    func latestTag() throws {
        let issues = try lint(
            "version: 1\nrepo: {substituteFrom: [s]}\napps:\n  plex:\n    image: ghcr.io/home-operations/plex:latest\n")
        #expect(
            issues == [
                "5:5: error: image 'ghcr.io/home-operations/plex:latest' of app 'plex' uses the moving tag 'latest'; "
                    + "pin a version tag (and a digest) so upgrades are commits"
            ])
    }

    @Test("exportarr, vpn and loadBalancer on services that cannot use them are errors")
    func unsupportedOptions() throws {
        let issues = try lint(
            """
            version: 1
            repo: {substituteFrom: [s]}
            apps:
              plex:
                exportarr: true
              sonarr:
                vpn: true
              recyclarr:
                loadBalancer: true
            """)
        #expect(issues.count == 3, "\(issues)")
        #expect(issues[0].hasPrefix("5:5: error: exportarr has no exporter for service 'plex'; it supports 'sonarr',"))
        #expect(issues[1] == "9:5: error: app 'recyclarr' has no port to put on a LoadBalancer")
        #expect(
            issues[2]
                == "7:5: error: 'vpn' routes a download client through gluetun; service 'sonarr' is not a download client"
        )
    }

    @Test("a pvc volume mounted in two namespaces is a warning: each namespace gets its own claim")
    func splitVolume() throws {
        let issues = try lint(
            """
            version: 1
            repo: {substituteFrom: [s]}
            storage:
              volumes:
                data: {pvc: {storageClass: longhorn, size: 1Ti}}
              media: data
            apps:
              sonarr: {namespace: downloads}
              qbittorrent: {namespace: downloads}
              plex:
            """)
        #expect(
            issues == [
                "5:5: warning: volume 'data' is mounted in namespaces 'downloads', 'media'; a PVC lives in one "
                    + "namespace, so each gets its own claim and they do not share files unless the storage class "
                    + "points them at one share; use 'nfs' or one namespace"
            ])
    }

    @Test("vpn and loadBalancer accept true, false or a mapping; a bad address is an error")
    func optionForms() throws {
        let bad = ConfigLoader.load(text: "version: 1\napps:\n  qbittorrent: {loadBalancer: {ip: 10.0.0.300}}\n")
        #expect(
            bad.diagnostics.map { "\($0.position.map { "\($0.line):\($0.column)" } ?? ""): \($0.message)" } == [
                "3:36: 'loadBalancer.ip' in app 'qbittorrent' must be an IPv4 or IPv6 address, found '10.0.0.300'"
            ])
        let result = ConfigLoader.load(
            text: """
                version: 1
                apps:
                  qbittorrent: {vpn: {secret: my-vpn}, loadBalancer: {ip: 10.0.0.30}}
                  sabnzbd: {vpn: false, loadBalancer: {ip: 'fd00::40'}}
                """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let apps = try #require(result.stack).apps
        #expect(
            apps[0].vpn == VPNSettings(secret: "my-vpn")
                && apps[0].loadBalancer == LoadBalancerSettings(ip: "10.0.0.30"))
        #expect(apps[1].vpn == nil && apps[1].loadBalancer == LoadBalancerSettings(ip: "fd00::40"))
    }

    @Test("a long dependsOn chain ending in a cycle reports the cycle once, and only the cycle")
    func longChainWithCycle() throws {
        // app-0 → app-1 → … → app-1999 → cycle-a ⇄ cycle-b, and a second chain hanging off the cycle.
        var lines = ["version: 1", "apps:"]
        for index in 0..<2_000 {
            let next = index == 1_999 ? "cycle-a" : "app-\(index + 1)"
            lines.append("  app-\(index): {image: 'nginx:1.27', port: 80, dependsOn: [\(next)]}")
        }
        lines.append("  cycle-a: {image: 'nginx:1.27', port: 80, dependsOn: [cycle-b]}")
        lines.append("  cycle-b: {image: 'nginx:1.27', port: 80, dependsOn: [cycle-a, tail-0]}")
        for index in 0..<1_000 {
            let next = index == 999 ? "" : "tail-\(index + 1)"
            lines.append("  tail-\(index): {image: 'nginx:1.27', port: 80, dependsOn: [\(next)]}")
        }
        let issues = try lint(lines.joined(separator: "\n") + "\n").filter { $0.contains("cycle") }
        #expect(issues == ["2003:44: error: dependsOn forms a cycle: 'cycle-a' → 'cycle-b' → 'cycle-a'"])
    }
}
