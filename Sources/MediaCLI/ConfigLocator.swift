import Foundation
import MediaYAML

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
        /// The path shown to the user, with control characters escaped (``DiagnosticFormatter/escaped(_:)``): it is
        /// printed, never opened.
        var displayPath: String
    }

    let context: CommandContext

    /// Locates the config, or returns the message to print when there is none. Links are followed as
    /// opening the file would.
    func locate(explicit: String?) -> Result<Location, LocateError> {
        if let explicit {
            var url = context.resolve(explicit)
            var display = DiagnosticFormatter.escaped(explicit)
            if FileSystem.kind(followingLinksAt: url.path) == .directory {
                url.appendPathComponent(Self.fileName)
                display = (display.hasSuffix("/") ? display : display + "/") + Self.fileName
            }
            guard FileSystem.kind(followingLinksAt: url.path) != nil else {
                return .failure(LocateError(message: "cannot read '\(display)': no such file"))
            }
            return .success(Location(url: url, displayPath: display))
        }
        var directory = context.resolve(".")
        var hops = 0
        let stop = Self.gitRoot(from: directory)
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

    /// The file a command that edits the config at the absolute `path` (shown as `display`) writes: `path` itself,
    /// or, when it is a symbolic link, the regular file it leads to, written in place, if that file lies inside the
    /// repository that holds the link (the nearest folder at or above the link with `.git`, else the link's own
    /// folder) and not inside a `.git` folder. Any other link is refused: replacing it with a plain file would
    /// leave the real config as it was, and writing through it would change a file the repository does not hold.
    static func editablePath(of path: String, display: String) -> Result<String, LocateError> {
        guard FileSystem.kind(of: path) == .symbolicLink else { return .success(path) }
        let refusal = "refusing to edit '\(display)': it is a symbolic link"
        guard let resolved = realpath(path, nil) else {
            return .failure(LocateError(message: "\(refusal) to a missing file; edit the file it should lead to"))
        }
        let target = String(cString: resolved)
        free(resolved)
        guard FileSystem.kind(of: target) == .regular else {
            return .failure(LocateError(message: "\(refusal) to '\(target)', which is not a regular file"))
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().resolvingSymlinksInPath()
        let repository = (Self.gitRoot(from: folder) ?? folder).path
        let prefix = repository.hasSuffix("/") ? repository : repository + "/"
        guard target.hasPrefix(prefix), !target.split(separator: "/").contains(where: OutputTree.isGit) else {
            return .failure(
                LocateError(
                    message: "\(refusal) to '\(target)', outside the repository '\(repository)'; edit that file, or "
                        + "replace the link with it"))
        }
        return .success(target)
    }

    /// The nearest folder at or above `directory` that holds `.git`, if any.
    private static func gitRoot(from directory: URL) -> URL? {
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
