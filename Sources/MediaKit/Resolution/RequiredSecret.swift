/// A Secret an app reads that mediactl does not render: the user creates it (a SOPS file in
/// `extraResources`, or an ExternalSecret of that name). `explain` and the runbook list them.
public struct RequiredSecret: Hashable, Sendable {
    /// The Secret's name, such as `immich-database`.
    public var name: String
    /// What reads it: the needs it meets (`postgresql`) or a sidecar (`gluetun`).
    public var usedBy: String
    /// The keys it must hold; empty when every key becomes a variable of `usedBy` (gluetun's settings).
    public var keys: [String]

    /// Creates a reference.
    public init(name: String, usedBy: String, keys: [String]) {
        self.name = name
        self.usedBy = usedBy
        self.keys = keys
    }
}

extension ResolvedApp.Settings {
    /// The Secrets the catalog and the app's options make it read: `<app>-database` for a database need,
    /// and those of its sidecars (`<app>-vpn`, `<app>-exportarr`). `secrets:` entries are the user's own.
    public var requiredSecrets: [RequiredSecret] {
        var secrets: [RequiredSecret] = []
        if let database = databaseSecretName {
            let needs = needs.filter(\.isDatabase).map(\.rawValue).joined(separator: ", ")
            secrets.append(RequiredSecret(name: database, usedBy: needs, keys: databaseKeys))
        }
        for sidecar in sidecars {
            if let secret = sidecar.environmentSecret {
                secrets.append(RequiredSecret(name: secret, usedBy: sidecar.name, keys: []))
            }
            for reference in sidecar.secretEnvironment.values.sorted(by: { $0.secret < $1.secret }) {
                secrets.append(RequiredSecret(name: reference.secret, usedBy: sidecar.name, keys: [reference.key]))
            }
        }
        return secrets
    }
}
