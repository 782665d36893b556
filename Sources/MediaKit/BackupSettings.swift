/// Backups of config volumes (seed 001: K8up, RPO 24 h; seed 003: keep 7 daily, 4 weekly, 12 monthly).
public struct BackupSettings: Hashable, Sendable {
    /// The backup operator.
    public enum Engine: String, CaseIterable, Hashable, Sendable {
        /// No backups are rendered (the default).
        case none
        /// A K8up Schedule per namespace (backup, check and prune with retention).
        case k8up
        /// A VolSync ReplicationSource per config PVC (restic).
        case volsync
    }

    /// How VolSync gets a point-in-time copy of a PVC before the mover reads it.
    public enum CopyMethod: String, CaseIterable, Hashable, Sendable {
        /// A CSI VolumeSnapshot (needs a VolumeSnapshotClass; the default).
        case snapshot = "Snapshot"
        /// A CSI clone of the PVC.
        case clone = "Clone"
        /// The live PVC itself (no CSI features needed; the app keeps writing while it is read).
        case direct = "Direct"
    }

    /// How many restic snapshots to keep per period.
    public struct Retention: Hashable, Sendable {
        /// Daily snapshots to keep.
        public var daily = 7
        /// Weekly snapshots to keep.
        public var weekly = 4
        /// Monthly snapshots to keep.
        public var monthly = 12

        /// Seed 003's policy: 7 daily, 4 weekly, 12 monthly.
        public init() {}
    }

    /// The S3 bucket that holds the restic repositories.
    public struct Repository: Hashable, Sendable {
        /// The S3 endpoint, such as `https://s3.example.com` (may use `${VAR}` substitution).
        public var endpoint: String
        /// The bucket (may use `${VAR}` substitution).
        public var bucket: String

        /// Creates a repository location.
        public init(endpoint: String, bucket: String) {
            self.endpoint = endpoint
            self.bucket = bucket
        }

        /// The restic repository URL of one app's VolSync repository: `s3:<endpoint>/<bucket>/<app>`.
        public func resticURL(folder: String) -> String { "s3:\(endpoint)/\(bucket)/\(folder)" }
    }

    /// Where the repository password and S3 keys come from: an item of an external-secrets store holding
    /// `RESTIC_PASSWORD`, `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`.
    public struct Credentials: Hashable, Sendable {
        /// The ClusterSecretStore.
        public var store: String
        /// The item in the store.
        public var key: String

        /// Creates credentials.
        public init(store: String, key: String) {
            self.store = store
            self.key = key
        }
    }

    /// The keys every backup Secret holds.
    public static let credentialKeys = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "RESTIC_PASSWORD"]
    /// The Secret a K8up Schedule reads in each namespace.
    public static let k8upSecretName = "backup-repository"

    /// The backup operator.
    public var engine = Engine.none
    /// When backups run, as a five-field cron expression (default daily at 03:00, an RPO of 24 h).
    public var schedule = "0 3 * * *"
    /// How many snapshots are kept.
    public var retention = Retention()
    /// The S3 bucket; required when the engine is not `none`.
    public var repository: Repository?
    /// An ExternalSecret source for the credentials; nil means the user creates the Secrets.
    public var credentials: Credentials?
    /// VolSync's copy method.
    public var copyMethod = CopyMethod.snapshot

    /// The defaults: no backups.
    public init() {}

    /// The Secret a VolSync ReplicationSource of `app` reads (`RESTIC_REPOSITORY` and the credentials).
    public static func volsyncSecretName(app: String) -> String { "\(app)-volsync" }
}
