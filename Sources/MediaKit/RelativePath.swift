/// The rules of a path the config gives relative to a folder: `repo.appsDir` and `repo.docsDir` (the
/// repository), `extraResources` (the app's `app/` folder) and a mount's `subPath` (the volume).
///
/// One rule for every such path, checked when the config is decoded, so `validate` rejects at its line
/// whatever `render` would refuse to write: a path is a `/`-separated list of names, none of them empty,
/// `.` or `..`, without control characters or `\`, at most 255 bytes a name and 1024 in all. Inside the
/// repository no name may be git's own folder, `.git`, in any spelling that reaches it on a
/// case-insensitive file system (`.GIT`, `.git.`, `.g\u{200C}it`, `git~1`).
public enum RelativePath {
    /// What a path is relative to, for the rules and the messages.
    public enum Base: Sendable {
        /// The root of the Flux repository.
        case repository
        /// An app's `app/` folder, which is inside the repository.
        case appFolder
        /// A shared volume.
        case volume

        /// What the path must stay inside, for messages: `the repository`.
        public var name: String {
            switch self {
            case .repository: "the repository"
            case .appFolder: "the app folder"
            case .volume: "the volume"
            }
        }
    }

    /// The longest name of a folder or file, in UTF-8 bytes (`NAME_MAX` of Linux and macOS file systems).
    public static let maximumNameLength = 255
    /// The longest path, in UTF-8 bytes: rendered paths add the namespace, the app and a file name to it and
    /// must stay well below `PATH_MAX`.
    public static let maximumLength = 1024

    /// `text` as the config may write it, with one leading `./` and any trailing `/` removed (`./docs/` is
    /// `docs`); `.` for `./` alone.
    public static func normalized(_ text: String) -> String {
        var path = Substring(text)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        if path.hasPrefix("./") { path = path.dropFirst(2) }
        return path.isEmpty ? "." : String(path)
    }

    /// Why the normalized `path` is no path inside `base`, or nil when it is one.
    public static func problem(with path: String, inside base: Base) -> String? {
        if path == "." { return "it names \(base.name) itself, not a folder or file inside it" }
        if path.hasPrefix("/") { return "it is absolute; give it relative to \(base.name)" }
        if let control = path.unicodeScalars.first(where: \.isControlCharacter) {
            return "it contains the control character \(control.codePoint)"
        }
        if path.contains("\\") { return "it contains '\\'; separate folders with '/'" }
        if path.utf8.count > maximumLength { return "it is longer than \(maximumLength) bytes" }
        for name in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch name {
            case "": return "it has an empty folder name ('//')"
            case ".": return "it has a '.' folder; write the path without it"
            case "..": return "it has a '..' folder, which leaves \(base.name) or goes back on the path"
            default: break
            }
            if name.utf8.count > maximumNameLength {
                return "the name '\(name.prefix(20))…' is longer than \(maximumNameLength) bytes"
            }
            if base != .volume, isGitFolder(name) {
                return "'\(name)' is git's own folder; mediactl never writes or lists files there"
            }
        }
        return nil
    }

    /// Whether `name` reaches git's folder on some file system: `.git` ignoring case, trailing dots and spaces
    /// (Windows) and characters outside ASCII (HFS+ ignores some), or its short name `git~1`. Git refuses the
    /// same names in a tree (git's `verify_path`, `is_hfs_dotgit`, `is_ntfs_dotgit`).
    package static func isGitFolder(_ name: Substring) -> Bool {
        var ascii = String(String.UnicodeScalarView(name.unicodeScalars.filter(\.isASCII))).lowercased()
        while ascii.hasSuffix(".") || ascii.hasSuffix(" ") { ascii.removeLast() }
        return ascii == ".git" || ascii == "git~1"
    }
}
