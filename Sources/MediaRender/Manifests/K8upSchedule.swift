import MediaKit
import MediaYAML

/// A namespace's `k8up-schedule.yaml` (k8up.io/v1 Schedule): restic backups of every PVC in the namespace
/// annotated `k8up.io/backup: "true"`, a weekly repository check and a weekly prune with the retention.
struct K8upSchedule: Manifest {
    var backups: BackupSettings
    var repository: BackupSettings.Repository

    /// Weekly, an hour after the default backup: Sunday 04:00 prune, 05:00 check (K8up runs one job per
    /// repository at a time, so an overlap only queues).
    static let pruneSchedule = "0 4 * * 0"
    /// The weekly repository check.
    static let checkSchedule = "0 5 * * 0"

    var schemaURL: String? { SchemaURL.customResource("k8up.io", "schedule_v1") }

    func yamlValue() -> YAMLValue {
        let secret = YAMLValue.string(BackupSettings.k8upSecretName)
        let backend: YAMLValue = [
            "repoPasswordSecretRef": ["name": secret, "key": "RESTIC_PASSWORD"],
            "s3": [
                "endpoint": .string(repository.endpoint), "bucket": .string(repository.bucket),
                "accessKeyIDSecretRef": ["name": secret, "key": "AWS_ACCESS_KEY_ID"],
                "secretAccessKeySecretRef": ["name": secret, "key": "AWS_SECRET_ACCESS_KEY"],
            ],
        ]
        let retention = backups.retention
        return object(
            "k8up.io/v1", "Schedule", ObjectMeta(name: "backup"),
            [
                (
                    "spec",
                    [
                        "backend": backend,
                        "backup": [
                            "schedule": .string(backups.schedule), "successfulJobsHistoryLimit": 2,
                            "failedJobsHistoryLimit": 2,
                        ],
                        "check": ["schedule": .string(Self.checkSchedule)],
                        "prune": [
                            "schedule": .string(Self.pruneSchedule),
                            "retention": [
                                "keepDaily": .integer(retention.daily), "keepWeekly": .integer(retention.weekly),
                                "keepMonthly": .integer(retention.monthly),
                            ],
                        ],
                    ]
                )
            ])
    }
}
