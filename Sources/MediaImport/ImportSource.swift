/// What `mediactl import` reads, gathered by the CLI before anything is decided: the folders given and every
/// regular file below them, with the paths relative to the root of the Flux repository. Nothing here touches
/// the disk.
public struct ImportSource: Sendable {
    /// The folders given, relative to the root, without `./` or a trailing `/`, in the order given.
    public var roots: [String]
    /// Every regular file below the roots (and, for a root that is an app folder, its namespace folder's
    /// `kustomization.yaml`) by relative path.
    public var files: [String: [UInt8]]
    /// Every folder below the roots, the roots included, by relative path.
    public var folders: Set<String>
    /// Entries below the roots that were not read, by relative path, with the reason: symbolic links (never
    /// followed), special files, files over the size limit.
    public var unreadable: [String: String]

    /// Creates a source.
    public init(
        roots: [String], files: [String: [UInt8]], folders: Set<String>, unreadable: [String: String] = [:]
    ) {
        self.roots = roots
        self.files = files
        self.folders = folders
        self.unreadable = unreadable
    }

    /// The folders directly inside `folder`, sorted by bytes.
    func subfolders(of folder: String) -> [String] {
        let prefix = folder + "/"
        return folders.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Every file and unreadable entry below `folder`, sorted by bytes.
    func entries(below folder: String) -> [String] {
        let prefix = folder + "/"
        return (Array(files.keys) + Array(unreadable.keys)).filter { $0.hasPrefix(prefix) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
