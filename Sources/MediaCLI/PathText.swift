/// Absolute file paths as strings, joined and cleaned up by their text alone, as `URL.standardizedFileURL`
/// does: no link is followed.
///
/// `render` and `check` find their config and output root with these instead of `URL`: the first path a
/// process asks of a file URL costs Foundation a set of bytes whose first use scans every library's
/// conformances, and a relative URL another such scan, 0.6 M instructions before the snapshot could start.
enum PathText {
    /// `path` made absolute against `directory` (an absolute path), with no empty or `.` part and each `..`
    /// removing the part before it (none above the root). Never ends with `/`, except the root itself.
    static func absolute(_ path: String, in directory: String) -> String {
        var parts: [Substring] = []
        let joined = path.hasPrefix("/") ? path : directory + "/" + path
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        // As bytes: appending a `Substring` to a `String` runs the standard library's generic append, whose
        // first call scans the conformances too.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(joined.utf8.count)
        for part in parts {
            bytes.append(UInt8(ascii: "/"))
            bytes.append(contentsOf: part.utf8)
        }
        return bytes.isEmpty ? "/" : String(decoding: bytes, as: UTF8.self)
    }

    /// The folder holding `path` (an absolute path as ``absolute(_:in:)`` gives it); the root for the root.
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// `name` inside `folder` (an absolute path as ``absolute(_:in:)`` gives it).
    static func appending(_ name: String, to folder: String) -> String {
        folder == "/" ? "/" + name : folder + "/" + name
    }
}
