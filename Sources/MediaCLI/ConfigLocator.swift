import Foundation

/// Finds `mediactl.yaml`: the `--config` path (a file, or a folder holding `mediactl.yaml`), or else
/// the working directory and its parents up to the enclosing git root.
struct ConfigLocator {
    /// The config file's name.
    static let fileName = "mediactl.yaml"

    /// A located config: where it is and the path to print in diagnostics (as the user wrote it, or
    /// relative to the working directory when discovered).
    struct Location: Equatable {
        /// The absolute location.
        var url: URL
        /// The path shown to the user.
        var displayPath: String
    }

    let context: CommandContext

    /// Locates the config, or returns the message to print when there is none. Links are followed as
    /// opening the file would.
    func locate(explicit: String?) -> Result<Location, LocateError> {
        if let explicit {
            var url = context.resolve(explicit)
            var display = explicit
            if FileSystem.kind(followingLinksAt: url.path) == .directory {
                url.appendPathComponent(Self.fileName)
                display = (explicit.hasSuffix("/") ? explicit : explicit + "/") + Self.fileName
            }
            guard FileSystem.kind(followingLinksAt: url.path) != nil else {
                return .failure(LocateError(message: "cannot read '\(display)': no such file"))
            }
            return .success(Location(url: url, displayPath: display))
        }
        var directory = context.resolve(".")
        var hops = 0
        let stop = gitRoot(from: directory)
        while true {
            let candidate = directory.appendingPathComponent(Self.fileName)
            if FileSystem.kind(followingLinksAt: candidate.path) != nil {
                let display = String(repeating: "../", count: hops) + Self.fileName
                return .success(Location(url: candidate, displayPath: display))
            }
            guard let stop, directory.path != stop.path, directory.path != "/" else { break }
            directory = directory.deletingLastPathComponent()
            hops += 1
        }
        let searched =
            stop == nil ? "in the current directory" : "in the current directory or its parents up to the git root"
        return .failure(
            LocateError(
                message: "no \(Self.fileName) \(searched); pass --config PATH or create one with 'mediactl init'"))
    }

    /// The nearest folder at or above `directory` that holds `.git`, if any.
    private func gitRoot(from directory: URL) -> URL? {
        var current = directory
        while true {
            if FileSystem.kind(followingLinksAt: current.appendingPathComponent(".git").path) != nil { return current }
            if current.path == "/" { return nil }
            current = current.deletingLastPathComponent()
        }
    }
}

/// Why no config was found.
struct LocateError: Error, Equatable {
    /// The message to print.
    let message: String
}
