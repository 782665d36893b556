/// Backups of config volumes.
public struct BackupSettings: Hashable, Sendable {
    /// The backup operator.
    public enum Engine: String, CaseIterable, Hashable, Sendable {
        /// No backups are rendered (the default).
        case none
        /// A K8up Schedule per namespace.
        case k8up
        /// A VolSync ReplicationSource per config PVC.
        case volsync
    }

    /// The backup operator.
    public var engine = Engine.none
    /// When backups run, as a five-field cron expression (default daily at 03:00, an RPO of 24 h).
    public var schedule = "0 3 * * *"

    /// The defaults: no backups.
    public init() {}
}
