import Foundation
import MediaConfig
import MediaKit
import MediaTestSupport
import Testing

@testable import MediaRender

/// `AppFolderFiles` (what the validator holds `extraResources` against) names exactly the files the renderer
/// writes in each app's `app/` folder.
@Suite("app folder files")
struct AppFolderFilesTests {
    /// Every example and render fixture, and a stack that turns on every optional file.
    static let stacks: [(String, String)] = {
        let configs = RenderPropertyTests.configs.compactMap { url in Fixtures.text(url).map { (url.path, $0) } }
        let everything = """
            version: 1
            cluster: {domain: example.org}
            chart: {source: helm-repository}
            networkPolicies: true
            backups:
              engine: volsync
              repository: {endpoint: 'https://s3.example.org', bucket: volsync}
              credentials: {externalSecret: {store: onepassword, key: volsync}}
            apps:
              plex:
                secrets: {PLEX_CLAIM: {externalSecret: {store: onepassword, key: plex}}}
              sonarr:
                storage: false
              mediabox:
                expose: internal
                proxy: {domain: nas.lan, apps: [bazarr, lidarr]}
              books:
                expose: none
                proxy: {domain: nas.lan, apps: [calibre]}
            """
        return configs + [("every optional file", everything)]
    }()

    @Test("the names predicted for each app are the files rendered in its app folder", arguments: 0..<stacks.count)
    func predicted(index: Int) throws {
        let (name, text) = Self.stacks[index]
        let stack = try #require(ConfigLoader.load(text: text).stack, "\(name)")
        let files = Renderer(stack: stack).render().map(\.path)
        for app in AppResolver(stack: stack).resolveAll() {
            let folder = "\(stack.repo.appsDir)/\(app.namespace)/\(app.name)/app/"
            let rendered = files.filter { $0.hasPrefix(folder) }.map { String($0.dropFirst(folder.count)) }
            #expect(
                rendered.sortedByBytes() == AppFolderFiles.names(of: app, in: stack), "\(name): app '\(app.name)'")
        }
    }
}
