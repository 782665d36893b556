/// The name of an app in `mediactl.yaml`: a DNS-1123 label, unique in the file. It names the app's
/// folder, Flux Kustomization, HelmRelease and Service.
public struct AppName: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The name as written.
    public let rawValue: String

    /// Wraps a name; the config decoder checks it with ``DNSLabel`` first.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The name as written.
    public var description: String { rawValue }

    /// Names order by UTF-8 bytes, so output never depends on locale.
    public static func < (lhs: AppName, rhs: AppName) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }
}
