/// How the exportarr sidecar reads a service's API key: from the `config.xml` of the *arr apps, or from
/// the Secret `<app>-exportarr` for apps that keep the key elsewhere (SABnzbd, Bazarr).
public enum MetricsExporter: Hashable, Sendable {
    /// `exportarr <mode>` with `CONFIG=<configPath>/config.xml`.
    case exportarrConfigFile(mode: String)
    /// `exportarr <mode>` with `API_KEY` from the Secret `<app>-exportarr`.
    case exportarrAPIKey(mode: String)

    /// The exportarr sub-command (`sonarr`, `sabnzbd`…).
    public var mode: String {
        switch self {
        case .exportarrConfigFile(let mode), .exportarrAPIKey(let mode): mode
        }
    }
}
