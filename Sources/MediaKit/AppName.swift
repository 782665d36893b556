/// The name of an app in `mediactl.yaml`: a DNS-1123 label, unique in the file. It names the app's
/// folder, Flux Kustomization, HelmRelease and Service.
public struct AppName: StringIdentifier {
    /// The name as written.
    public let rawValue: String

    /// Wraps a name; the config decoder checks it with ``DNSLabel`` first.
    public init(rawValue: String) { self.rawValue = rawValue }
}
