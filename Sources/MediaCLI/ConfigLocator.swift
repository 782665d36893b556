import Foundation

/// Finds `mediactl.yaml`: the `--config` path (a file, or a folder holding `mediactl.yaml`), or else
/// the working directory and its parents up to the enclosing git root.
struct ConfigLocator {
    /// The config file's name.
    static let fileName = "mediactl.yaml"

    /// A located config: its path and the path to print in diagnostics (as the user wrote it, or
    /// relative to the working directory when discovered).
    struct Location: Equatable {
        /// The absolute path.
        var path: String
        /// The path shown to the user.
        var displayPath: String

        /// The absolute location as a file URL.
        var url: URL { URL(fileURLWithPath: path) }
    }

    let context: CommandContext

    /// Locates the config, or returns the message to print when there is none. Paths are looked at as
    /// strings (``PathText``), and links are followed as opening the file would.
    func locate(explicit: String?) -> Result<Location, LocateError> {
        if let explicit {
            var path = context.absolutePath(explicit)
            var display = explicit
            if FileSystem.kind(followingLinksAt: path) == .directory {
                path = PathText.appending(Self.fileName, to: path)
                display = (explicit.hasSuffix("/") ? explicit : explicit + "/") + Self.fileName
            }
            guard FileSystem.kind(followingLinksAt: path) != nil else {
                return .failure(LocateError(message: "cannot read '\(display)': no such file"))
            }
            return .success(Location(path: path, displayPath: display))
        }
        var directory = context.currentDirectoryPath
        var hops = 0
        let stop = gitRoot(from: directory)
        while true {
            let candidate = PathText.appending(Self.fileName, to: directory)
            if FileSystem.kind(followingLinksAt: candidate) != nil {
                let display = String(repeating: "../", count: hops) + Self.fileName
                return .success(Location(path: candidate, displayPath: display))
            }
            guard let stop, directory != stop, directory != "/" else { break }
            directory = PathText.parent(of: directory)
            hops += 1
        }
        let searched =
            stop == nil ? "in the current directory" : "in the current directory or its parents up to the git root"
        return .failure(
            LocateError(
                message: "no \(Self.fileName) \(searched); pass --config PATH or create one with 'mediactl init'"))
    }

    /// The nearest folder at or above `directory` (an absolute path) that holds `.git`, if any.
    private func gitRoot(from directory: String) -> String? {
        var current = directory
        while true {
            if FileSystem.kind(followingLinksAt: PathText.appending(".git", to: current)) != nil { return current }
            if current == "/" { return nil }
            current = PathText.parent(of: current)
        }
    }
}

/// Why no config was found.
struct LocateError: Error, Equatable {
    /// The message to print.
    let message: String
}
