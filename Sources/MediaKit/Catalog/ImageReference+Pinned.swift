extension ImageReference {
    /// A catalog image: `repository` at a pinned `tag`, and the digest public home-ops repositories pin with it
    /// (`tag@digest`), where one was seen for that exact tag.
    static func pinned(_ repository: String, _ tag: String, digest: String? = nil) -> ImageReference {
        ImageReference(repository: repository, tag: tag, digest: digest.map { "sha256:" + $0 })
    }
}
