/// Where an environment variable's secret value comes from. Secret values never appear in
/// `mediactl.yaml` or in rendered files.
public enum SecretSource: Hashable, Sendable {
    /// An ExternalSecret that mediactl renders: a key (and optional property) in a secret store.
    case externalSecret(store: String, key: String, property: String?)
    /// A key of an existing Kubernetes Secret.
    case secretRef(name: String, key: String)
}
