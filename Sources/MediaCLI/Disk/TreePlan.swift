import Foundation

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

        /// Why the file on disk at a rendered path is not mediactl's to replace (``FileTreeWriter/isOurs(_:_:)``).
        enum HandWritten {
            /// Its first line is not the marker line, and `mediactl import` did not adopt it.
            case unmarked
            /// It is larger than any file mediactl writes (``FileSystem/maximumFileSize``); it was not read.
            case oversized

            /// Why, in words, for messages.
            var reason: String {
                switch self {
                case .unmarked:
                    "its first line is not the generated-file marker, so mediactl did not write it"
                case .oversized:
                    "it is larger than \(FileSystem.maximumFileSize >> 20) MiB, so mediactl did not write it"
                }
            }
        }

        /// The path relative to the output root.
        var path: String
        var kind: Kind
        /// What render writes (nil for a removal). The plan keeps no old text: a diff reads it when it prints it,
        /// so that a tree of large files at generated paths is never held in memory.
        var new: String?
        /// For an update: set when the file on disk is the user's, which render replaces only with `--force`.
        var handWritten: HandWritten? = nil
        /// For a removal: a temporary file an interrupted write left (``AtomicFile/temporaryOwner(_:)``), removed
        /// by its name, not by a marker.
        var isLeftover = false
    }

    /// Every rendered file, every stale generated file and every leftover temporary file, sorted by path.
    var changes: [Change]
    /// Temporary files of a process that still runs: a write in progress, which render leaves alone (or a leftover
    /// whose process number was taken again). `check` counts them as drift.
    var inProgress: [OutputTree.Temporary] = []

    /// Existing files at generated paths that are not mediactl's: render refuses to overwrite them unless forced.
    var handWritten: [String] { changes.filter { $0.handWritten != nil }.map(\.path) }

    /// What to say about a temporary file whose process `owner` still runs.
    static func inProgressNote(_ owner: pid_t) -> String {
        "temporary file of process \(owner), which is still running (a write in progress?); render leaves it: "
            + "remove it once no mediactl runs"
    }

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
