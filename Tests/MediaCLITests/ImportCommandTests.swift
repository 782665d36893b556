import Foundation
import MediaTestSupport
import Testing

/// `mediactl import` as a hostile user drives it: paths outside the repository, links, huge files, a file edited
/// after import, and what `--dry-run` and `--format json` print.
@Suite("import command")
struct ImportCommandTests {
    /// A copy of the app-template 5 fixture repository in a fresh folder.
    private func repository() throws -> URL {
        let directory = try temporaryDirectory()
        let repository = directory.appendingPathComponent("repo")
        try FileManager.default.copyItem(
            at: Fixtures.root.appendingPathComponent("import/app-template-5/repo"), to: repository)
        return repository
    }

    @Test("usage: import needs a folder")
    func usage() {
        let run = mediactl(["import"])
        #expect(run.status == 64)
    }

    @Test("a folder outside the repository root, or the root itself, is refused before anything is read")
    func outside() throws {
        let repository = try repository()
        defer { try? FileManager.default.removeItem(at: repository.deletingLastPathComponent()) }
        let outside = mediactl(["import", "../"], in: repository)
        #expect(outside.status == 1)
        #expect(outside.error.contains("is outside the repository root"))
        let root = mediactl(["import", "."], in: repository)
        #expect(root.status == 1)
        #expect(root.error.contains("not the repository root"))
        #expect(!FileManager.default.fileExists(atPath: repository.appendingPathComponent("mediactl.yaml").path))
    }

    @Test("a folder given through a symbolic link is refused")
    func linkedRoot() throws {
        let repository = try repository()
        defer { try? FileManager.default.removeItem(at: repository.deletingLastPathComponent()) }
        try FileManager.default.createSymbolicLink(
            atPath: repository.appendingPathComponent("kubernetes/apps/linked").path, withDestinationPath: "media")
        let run = mediactl(["import", "kubernetes/apps/linked"], in: repository)
        #expect(run.status == 1)
        #expect(run.error.contains("symbolic link"))
    }

    @Test("a link inside an app folder, even to a file outside the repository, keeps that app hand-written")
    func linkInside() throws {
        let repository = try repository()
        defer { try? FileManager.default.removeItem(at: repository.deletingLastPathComponent()) }
        let outside = repository.deletingLastPathComponent().appendingPathComponent("secret.yaml")
        try "apiVersion: v1\nkind: Secret\nmetadata:\n  name: stolen\n".write(
            to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: repository.appendingPathComponent("kubernetes/apps/media/sonarr/app/stolen.yaml").path,
            withDestinationPath: outside.path)
        let run = mediactl(["import", "kubernetes/apps/media"], in: repository)
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("media/sonarr (kubernetes/apps/media/sonarr): left hand-written"))
        #expect(run.output.contains("stolen.yaml: a symbolic link, which import never follows"))
        let config = try String(contentsOf: repository.appendingPathComponent("mediactl.yaml"), encoding: .utf8)
        #expect(!config.contains("  sonarr:"))
        #expect(!config.contains("stolen"))
    }

    @Test("a huge file is not read; its app stays hand-written")
    func hugeFile() throws {
        let repository = try repository()
        defer { try? FileManager.default.removeItem(at: repository.deletingLastPathComponent()) }
        let big = repository.appendingPathComponent("kubernetes/apps/media/plex/app/huge.yaml")
        try Data(repeating: 0x61, count: (1 << 20) + 1).write(to: big)
        let run = mediactl(["import", "kubernetes/apps/media"], in: repository)
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("huge.yaml: larger than 1 MiB; not read"))
        #expect(run.output.contains("media/plex (kubernetes/apps/media/plex): left hand-written"))
    }

    @Test("a file that does not parse stops import with its line and column; nothing is written")
    func malformed() throws {
        let repository = try repository()
        defer { try? FileManager.default.removeItem(at: repository.deletingLastPathComponent()) }
        let file = repository.appendingPathComponent("kubernetes/apps/media/radarr/app/helmrelease.yaml")
        try "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: radarr\n".write(
            to: file, atomically: true, encoding: .utf8)
        let run = mediactl(["import", "kubernetes/apps/media"], in: repository)
        #expect(run.status == 1)
        #expect(
            run.error.hasPrefix("kubernetes/apps/media/radarr/app/helmrelease.yaml:3:11: error: unclosed flow mapping"))
        #expect(run.error.contains("import: 1 error; nothing written"))
        #expect(!FileManager.default.fileExists(atPath: repository.appendingPathComponent("mediactl.yaml").path))
    }

    @Test("render refuses an adopted file that changed after import; it is the user's again")
    func editedAfterImport() throws {
        let repository = try repository()
        defer { try? FileManager.default.removeItem(at: repository.deletingLastPathComponent()) }
        #expect(mediactl(["import", "kubernetes/apps/media"], in: repository).status == 0)
        let file = repository.appendingPathComponent("kubernetes/apps/media/sonarr/app/helmrelease.yaml")
        try (String(contentsOf: file, encoding: .utf8) + "# my note\n").write(
            to: file, atomically: true, encoding: .utf8)
        let render = mediactl(["render"], in: repository)
        #expect(render.status == 1)
        #expect(render.error.contains("refusing to overwrite 'kubernetes/apps/media/sonarr/app/helmrelease.yaml'"))
        #expect(try String(contentsOf: file, encoding: .utf8).hasSuffix("# my note\n"))
    }

    @Test("an unreadable adoption record adopts nothing: render refuses every unmarked file")
    func brokenRecord() throws {
        let repository = try repository()
        defer { try? FileManager.default.removeItem(at: repository.deletingLastPathComponent()) }
        #expect(mediactl(["import", "kubernetes/apps/media"], in: repository).status == 0)
        try "version: 1\nfiles: [oops]\n".write(
            to: repository.appendingPathComponent("mediactl.adopted"), atomically: true, encoding: .utf8)
        let render = mediactl(["render"], in: repository)
        #expect(render.status == 1)
        #expect(render.error.contains("ignoring 'mediactl.adopted'"))
        #expect(render.error.contains("refusing to overwrite"))
    }

    @Test("--dry-run prints the report and the config diff and writes nothing; a second import writes nothing")
    func dryRun() throws {
        let repository = try repository()
        defer { try? FileManager.default.removeItem(at: repository.deletingLastPathComponent()) }
        let dry = mediactl(["import", "kubernetes/apps/media", "--dry-run"], in: repository)
        #expect(dry.status == 0)
        #expect(dry.output.contains("import: 6 adopted, 0 left hand-written"))
        #expect(dry.output.contains("--- mediactl.yaml\n+++ mediactl.yaml\n"))
        #expect(!FileManager.default.fileExists(atPath: repository.appendingPathComponent("mediactl.yaml").path))
        #expect(!FileManager.default.fileExists(atPath: repository.appendingPathComponent("mediactl.adopted").path))
        #expect(mediactl(["import", "kubernetes/apps/media"], in: repository).status == 0)
        let config = try Data(contentsOf: repository.appendingPathComponent("mediactl.yaml"))
        let record = try Data(contentsOf: repository.appendingPathComponent("mediactl.adopted"))
        let second = mediactl(["import", "kubernetes/apps/media", "--dry-run"], in: repository)
        #expect(second.output.contains("mediactl.yaml would not change"))
        #expect(mediactl(["import", "kubernetes/apps/media"], in: repository).status == 0)
        #expect(try Data(contentsOf: repository.appendingPathComponent("mediactl.yaml")) == config)
        #expect(try Data(contentsOf: repository.appendingPathComponent("mediactl.adopted")) == record)
    }

    @Test("--format json reports every app with its outcome and located reasons")
    func json() throws {
        let repository = try repository()
        defer { try? FileManager.default.removeItem(at: repository.deletingLastPathComponent()) }
        // A suspended Kustomization is one mediactl does not write: bazarr stays hand-written, with the reason.
        let flux = repository.appendingPathComponent("kubernetes/apps/media/bazarr/ks.yaml")
        let text = try String(contentsOf: flux, encoding: .utf8)
        try text.replacingOccurrences(of: "  prune: true\n", with: "  prune: true\n  suspend: true\n")
            .write(to: flux, atomically: true, encoding: .utf8)
        let run = mediactl(["import", "kubernetes/apps/media", "--format", "json", "--dry-run"], in: repository)
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let apps = try #require(object["apps"] as? [[String: Any]])
        let bazarr = try #require(apps.first { $0["name"] as? String == "bazarr" })
        #expect(bazarr["outcome"] as? String == "refused")
        let reason = try #require((bazarr["reasons"] as? [[String: Any]])?.first)
        #expect(reason["path"] as? String == "kubernetes/apps/media/bazarr/ks.yaml")
        #expect(reason["line"] as? Int == 23)
        #expect(object["adoptedFiles"] as? Int == 25)
    }

    @Test("help, and shells complete import's folders")
    func helpAndCompletion() {
        #expect(
            mediactl(["help", "import"]).output.contains(
                "USAGE: mediactl import [--dry-run] [--format text|json] PATH…"))
        #expect(mediactl(["completion", "bash"]).output.contains("import) COMPREPLY=( $(compgen -W"))
        #expect(mediactl(["completion", "zsh"]).output.contains("'*:folder:_files -/'"))
        #expect(
            mediactl(["completion", "fish"]).output.contains(
                "__fish_seen_subcommand_from import' -a '(__fish_complete_directories)'"))
    }
}

/// A hand-written namespace after import: `check` insists its `kustomization.yaml` lists what mediactl renders.
@Suite("hand-written namespaces")
struct HandWrittenNamespaceTests {
    @Test("disable in a hand-written namespace says which line to remove, and check fails until it is gone")
    func disable() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let repository = directory.appendingPathComponent("repo")
        try FileManager.default.copyItem(
            at: Fixtures.root.appendingPathComponent("import/app-template-5/repo"), to: repository)
        #expect(mediactl(["import", "kubernetes/apps/media"], in: repository).status == 0)
        #expect(mediactl(["render"], in: repository).status == 0)
        let namespaceFile = repository.appendingPathComponent("kubernetes/apps/media/kustomization.yaml")
        let before = try Data(contentsOf: namespaceFile)

        let disable = mediactl(["disable", "sonarr"], in: repository)
        #expect(disable.status == 0, "\(disable.error)")
        #expect(
            disable.output.contains(
                "remove './sonarr/ks.yaml' from the resources of kubernetes/apps/media/kustomization.yaml"))
        #expect(try Data(contentsOf: namespaceFile) == before)
        let check = mediactl(["check"], in: repository)
        #expect(check.status == 1)
        #expect(
            check.error.contains(
                "kubernetes/apps/media/kustomization.yaml:14:5: error: lists './sonarr/ks.yaml', but app 'sonarr' is disabled"
            ))

        let text = try String(contentsOf: namespaceFile, encoding: .utf8)
        try text.replacingOccurrences(of: "  - ./sonarr/ks.yaml\n", with: "").write(
            to: namespaceFile, atomically: true, encoding: .utf8)
        #expect(mediactl(["check"], in: repository).status == 0)

        // Enabling qBittorrent (ks.dis in the fixture) asks for its line.
        let enable = mediactl(["enable", "qbittorrent"], in: repository)
        #expect(
            enable.output.contains(
                "add './qbittorrent/ks.yaml' to the resources of kubernetes/apps/media/kustomization.yaml"))
        let missing = mediactl(["check"], in: repository)
        #expect(missing.status == 1)
        #expect(missing.error.contains("does not list './qbittorrent/ks.yaml' of app 'qbittorrent'"))
    }
}
