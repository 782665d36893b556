import Foundation
import MediaRender
import MediaTestSupport
import Testing

/// Issue 19's loop in a fresh repository: `init`, `render`, `pin`, a bump of one pin as Renovate would write it
/// with the preset `render` wrote, then `render` and `check`.
@Suite("Renovate loop")
struct RenovateFlowTests {
    static let digest = "sha256:" + String(repeating: "5eed", count: 16)

    @Test(
        "a Renovate bump of one pin reaches the HelmRelease through render, check passes, every generated file is ignored"
    )
    func loop() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mediactl(["init", "plex", "sonarr", "radarr", "qbittorrent"], in: folder).status == 0)
        #expect(mediactl(["render"], in: folder).status == 0)
        let pin = mediactl(["pin"], in: folder)
        #expect(pin.status == 0, "\(pin.error)")
        #expect(mediactl(["check"], in: folder).status == 0, "pin changed the tree")

        let config = try #require(text(folder, "mediactl.yaml"))
        let preset = try #require(text(folder, ".renovate/mediactl.json5"))
        let images = try #require(try RenovateRegexManager.managers(inPreset: preset).first)
        let found = try images.dependencies(in: config)
        #expect(found.count == 4)
        let sonarr = try #require(found.firstIndex { $0.fields["depName"] == "ghcr.io/home-operations/sonarr" })
        #expect(found[sonarr].fields["currentDigest"]?.hasPrefix("sha256:") == true)
        let bumped = try images.update(sonarr, in: config, newValue: "4.0.20.3100", newDigest: Self.digest)
        // One line changed: sonarr's image, tag and digest.
        let changed = zip(config.split(separator: "\n"), bumped.split(separator: "\n")).filter { $0 != $1 }
        #expect(changed.count == 1)
        #expect(changed.first?.1 == "    image: ghcr.io/home-operations/sonarr:4.0.20.3100@\(Self.digest)")
        try write(bumped, to: folder.appendingPathComponent("mediactl.yaml"))

        let stale = mediactl(["check"], in: folder)
        #expect(stale.status == 1, "the bump is drift until render carries it into the tree")
        let render = mediactl(["render"], in: folder)
        // The HelmRelease and the runbook, which names each image.
        #expect(render.status == 0 && render.output.contains(" 2 updated,"), "\(render.output)")
        let check = mediactl(["check"], in: folder)
        #expect(check.status == 0, "\(check.output)\(check.error)")
        let release = try #require(text(folder, "kubernetes/apps/media/sonarr/app/helmrelease.yaml"))
        #expect(release.contains("tag: '4.0.20.3100@\(Self.digest)'\n"))

        // Nothing Renovate may edit is generated: every file with a marker line is in ignorePaths.
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(preset.split(separator: "\n").dropFirst().joined().utf8))
                as? [String: Any])
        let ignored = try #require(root["ignorePaths"] as? [String])
        var generated = 0
        for path in GoldenTree.relativeFiles(under: folder) {
            let first = text(folder, path)?.split(separator: "\n").first.map(String.init)
            let isGenerated = first == MediaRender.markerLine(forPath: path)
            let isIgnored = ignored.contains {
                $0.hasSuffix("/**") ? path.hasPrefix($0.dropLast(2)) : path.contains($0)
            }
            #expect(isGenerated == isIgnored, "\(path): generated \(isGenerated), ignored \(isIgnored)")
            if isGenerated { generated += 1 }
        }
        #expect(generated > 20 && !ignored.contains("mediactl.yaml"))
    }
}
