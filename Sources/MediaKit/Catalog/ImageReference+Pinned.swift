extension ImageReference {
    /// A catalog image: `repository` at a pinned `tag`.
    static func pinned(_ repository: String, _ tag: String) -> ImageReference {
        ImageReference(repository: repository, tag: tag)
    }
}
