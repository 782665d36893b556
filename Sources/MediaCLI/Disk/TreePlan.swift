/// What writing a rendered tree would do, file by file, before anything is touched.
struct TreePlan {
    /// One file's fate.
    struct Change {
        /// What happens to the file.
        enum Kind: String {
            case add = "added"
            case update = "updated"
            case remove = "removed"
            case unchanged
        }

        /// The path relative to the output root.
        var path: String
        var kind: Kind
        /// What is on disk now (nil when the file does not exist, and for an unchanged file).
        var old: String?
        /// What render writes (nil for a removal).
        var new: String?
    }

    /// Every rendered file and every stale generated file, sorted by path.
    var changes: [Change]
    /// Existing files at generated paths that lack the generated-file marker: render refuses to
    /// overwrite them unless forced.
    var handWritten: [String]

    /// The changes that write or remove something.
    var effective: [Change] { changes.filter { $0.kind != .unchanged } }

    /// How many changes are of `kind`.
    func count(_ kind: Change.Kind) -> Int { changes.filter { $0.kind == kind }.count }

    /// `N files: A added, U updated, R removed, K unchanged`, N counting the rendered files.
    var summary: String {
        let rendered = changes.count - count(.remove)
        return "\(Plural.count(rendered, "file")): \(count(.add)) added, \(count(.update)) updated, "
            + "\(count(.remove)) removed, \(count(.unchanged)) unchanged"
    }
}
