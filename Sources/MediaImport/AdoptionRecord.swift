import MediaRender
import MediaYAML

/// The files `mediactl import` adopted: `render` may replace a file that lacks the generated-file marker only when
/// this record names its path with the SHA-256 of exactly the bytes it holds, which are the bytes import read. A
/// file edited since is the user's again; every other unmarked file stays protected. The record lives beside
/// `mediactl.yaml` in ``fileName``, carries the marker itself, and has no use once `render` has replaced the
/// files (they carry the marker then): delete it after the first render.
///
/// The file is YAML without a `.yaml` extension: tools that check every `*.yaml` of a Flux repository as a
/// Kubernetes manifest (kubeconform, the validator of rendered trees) would otherwise read it as one.
public struct AdoptionRecord: Hashable, Sendable {
    /// The record's file name, beside `mediactl.yaml`.
    public static let fileName = "mediactl.adopted"

    /// SHA-256 (lowercase hex) of each adopted file, by path relative to the output root.
    public private(set) var files: [String: String]

    /// A record of `files`.
    public init(files: [String: String] = [:]) { self.files = files }

    /// Whether the record adopts `path` holding exactly `bytes`.
    public func adopts(_ path: String, bytes: [UInt8]) -> Bool {
        guard let digest = files[path] else { return false }
        return SHA256.hex(bytes) == digest
    }

    /// Adds `path` holding `bytes`.
    mutating func adopt(_ path: String, bytes: [UInt8]) { files[path] = SHA256.hex(bytes) }

    /// This record with `other`'s entries added (``other`` wins for a path in both).
    public func merging(_ other: AdoptionRecord) -> AdoptionRecord {
        AdoptionRecord(files: files.merging(other.files) { _, new in new })
    }

    /// The record's file content.
    public var text: String {
        let header = [
            MediaRender.generatedMarker,
            "Files 'mediactl import' adopted: 'render' may replace each one while it holds exactly the bytes",
            "whose SHA-256 is recorded here. Nothing needs this file once 'render' has run: delete it then.",
        ]
        let entries = YAMLMapping.sortedByKey(files.mapValues { .string($0) })
        return YAMLEmitter().emit(
            YAMLDocument(headerComments: header, root: ["version": 1, "files": .mapping(entries)]))
    }

    /// Reads a record; nil with a message when the text is not one.
    public static func read(_ bytes: [UInt8]) -> (record: AdoptionRecord?, problem: Diagnostic?) {
        let result = YAMLReader().read(bytes)
        if let error = result.diagnostics.first(where: { $0.severity == .error }) { return (nil, error) }
        guard let root = result.root, root["version"]?.text == "1", let files = root["files"] else {
            return (nil, .error(at: result.root?.position, "expected 'version: 1' and 'files'"))
        }
        var record = AdoptionRecord()
        for pair in files.pairs ?? [] {
            guard let digest = pair.value.text, digest.count == 64,
                digest.allSatisfy({ $0.isHexDigit && !$0.isUppercase })
            else {
                return (nil, .error(at: pair.value.position, "expected a SHA-256 in hex for '\(pair.keyText)'"))
            }
            record.files[pair.keyText] = digest
        }
        if files.pairs == nil, !files.isNull { return (nil, .error(at: files.position, "'files' is not a mapping")) }
        return (record, nil)
    }
}
