/// A rule a Gateway API route puts before its catch-all rule: requests under a path get a request header
/// removed on the way to the app.
///
/// Plex's subtitle streams fail behind a proxy that passes the `Range` header (forums.plex.tv, "External SRT
/// subtitles are not working with reverse proxy"); onedr0p/home-ops, buroa/k8s-gitops, joryirving/home-ops and
/// rcdailey/home-ops all drop it for `/library/streams` in `plex/app/helmrelease.yaml`.
public struct RouteRule: Hashable, Sendable {
    /// The path prefix the rule matches.
    public var pathPrefix: String
    /// Request headers removed before the request reaches the app.
    public var removedRequestHeaders: [String]

    /// Creates a rule.
    public init(pathPrefix: String, removedRequestHeaders: [String]) {
        self.pathPrefix = pathPrefix
        self.removedRequestHeaders = removedRequestHeaders
    }
}
