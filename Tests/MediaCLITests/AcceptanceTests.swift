import Foundation
import MediaTestSupport
import Testing

/// The "done when" list of the foundation issue, run through the command line as a user would.
@Suite("foundation acceptance")
struct AcceptanceTests {
    @Test(
        "each mistake exits 1 with path:line:col: error: at the right line",
        arguments: [
            ("unknown-app-key", "5:5: error: unknown key 'expse' in app 'calibre-web'; did you mean 'expose'?"),
            ("enabled-yes", "5:14: error: expected true or false for 'enabled'"),
            ("duplicate-key", "7:3: error: duplicate key 'sonarr'; it is first defined at line 4, column 3"),
            ("tab-indentation", "4:1: error: tab character in indentation"),
            ("anchor", "4:11: error: anchors ('&') are not supported"),
            ("app-name-not-dns", "4:3: error: app name 'Plex_Server' is not a DNS-1123 label"),
            ("version-2", "2:10: error: unsupported config version 2"),
            (
                "unknown-service-without-image",
                "4:3: error: app 'photoview' runs service 'photoview', which is not in the catalog"
            ),
            ("two-documents", "5:1: error: a second document starts here"),
            ("unclosed-flow-mapping", "5:16: error: unclosed flow mapping"),
            ("unterminated-quote", "4:13: error: unterminated double-quoted string"),
            ("expose-public", "5:13: error: expected one of 'internal', 'external', 'none' for 'expose'"),
        ])
    func mistake(name: String, expected: String) {
        let path = "Fixtures/config-errors/\(name).yaml"
        let run = mediactl(["validate", "--config", path])
        #expect(run.status == 1)
        #expect(run.error.hasPrefix("\(path):\(expected)"), "\(run.error)")
    }

    @Test("mediactl rendr exits 64 and suggests render")
    func typoCommand() {
        let run = mediactl(["rendr"])
        #expect(run.status == 64 && run.error.contains("did you mean 'render'?"))
    }
}
