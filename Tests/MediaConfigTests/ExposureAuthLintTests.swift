import Foundation
import Testing

/// `check` refuses an *arr app or a download client on the internet that nothing authenticates.
@Suite("exposure auth lint")
struct ExposureAuthLintTests {
    /// The errors `check` reports for `text`, as `line:col: error: message` (the stack lints' helper).
    func errors(_ text: String) throws -> [String] {
        try StackLintTests().lint(text).filter { $0.contains(": error: ") }
    }

    static let ingressAuth = """
        version: 1
        cluster: {domain: example.org}
        exposure:
          auth: {annotations: {nginx.ingress.kubernetes.io/auth-url: 'http://authelia.security/api/verify'}}

        """

    @Test("an external *arr app or download client with auth: false is an error at its auth key")
    func authTurnedOff() throws {
        let errors = try self.errors(
            Self.ingressAuth + """
                apps:
                  sonarr: {expose: external, auth: false}
                  qbittorrent: {expose: external, auth: false}
                  bazarr: {expose: internal, auth: false}
                  plex: {expose: external}
                """)
        #expect(
            errors == [
                "7:35: error: app 'qbittorrent' is a download client exposed externally without auth; its API can delete "
                    + "media. Remove 'auth: false', or use 'expose: internal'",
                "6:30: error: app 'sonarr' is a *arr app exposed externally without auth; its API can delete media. "
                    + "Remove 'auth: false', or use 'expose: internal'",
            ])
    }

    @Test("external *arr apps with auth on pass when the mode can enforce it, and fail when it cannot")
    func mechanismMissing() throws {
        #expect(try errors(Self.ingressAuth + "apps:\n  prowlarr: {expose: external}\n").isEmpty)
        let withoutAnnotations = try errors(
            "version: 1\ncluster: {domain: example.org}\napps:\n  radarr: {expose: external}\n")
        #expect(
            withoutAnnotations == [
                "4:3: error: app 'radarr' is a *arr app exposed externally, but 'exposure.auth.annotations' or "
                    + "'exposure.auth.labels' is not set, so nothing enforces its auth; configure forward auth or use "
                    + "'expose: internal'"
            ])
        // Gateway API routes carry no forward-auth annotations: only labels a SecurityPolicy selects count.
        let gateway = """
            version: 1
            cluster: {domain: example.org}
            exposure:
              mode: gateway
              auth: {annotations: {nginx.ingress.kubernetes.io/auth-url: 'http://authelia.security/api/verify'}}
            apps:
              sabnzbd: {expose: external}
            """
        #expect(try errors(gateway).count == 1)
        let labelled = gateway.replacingOccurrences(
            of: "auth: {annotations: {nginx.ingress.kubernetes.io/auth-url: 'http://authelia.security/api/verify'}}",
            with: "auth: {labels: {forward-auth: 'true'}}")
        #expect(try errors(labelled).isEmpty)
    }
}
