/// A container image: a repository and a tag and/or a digest.
public struct ImageReference: Hashable, Sendable, CustomStringConvertible {
    /// The repository, such as `ghcr.io/home-operations/sonarr`.
    public var repository: String
    /// The tag, such as `4.0.15`.
    public var tag: String?
    /// The digest, such as `sha256:…`.
    public var digest: String?

    /// Creates a reference.
    public init(repository: String, tag: String?, digest: String? = nil) {
        self.repository = repository
        self.tag = tag
        self.digest = digest
    }

    /// Splits `repository:tag`, `repository@digest` or `repository:tag@digest`. A `:` before the last
    /// `/` belongs to a registry port. Returns nil when there is neither a tag nor a digest.
    public init?(parsing text: String) {
        var rest = Substring(text)
        var digest: String?
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        var tag: String?
        let lastSlash = rest.lastIndex(of: "/") ?? rest.startIndex
        if let colon = rest[lastSlash...].lastIndex(of: ":") {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        }
        guard !rest.isEmpty, tag != nil || digest != nil else { return nil }
        if tag?.isEmpty == true || digest?.isEmpty == true { return nil }
        self.init(repository: String(rest), tag: tag, digest: digest)
    }

    /// `repository:tag@digest` with the parts that are present.
    public var description: String {
        repository + (tag.map { ":" + $0 } ?? "") + (digest.map { "@" + $0 } ?? "")
    }
}
