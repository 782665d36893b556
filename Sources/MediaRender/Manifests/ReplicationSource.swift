import MediaKit
import MediaYAML

/// An app's `replicationsource.yaml` (volsync.backube/v1alpha1): restic backups of its config PVC on the
/// backup schedule, pruned weekly, with the retention. The mover runs as the cluster user so it reads what
/// the app wrote.
struct ReplicationSource: Manifest {
    var name: String
    var claimName: String
    var backups: BackupSettings
    var user: UserIDs

    var schemaURL: String? { SchemaURL.customResource("volsync.backube", "replicationsource_v1alpha1") }

    func yamlValue() -> YAMLValue {
        let retention = backups.retention
        return object(
            "volsync.backube/v1alpha1", "ReplicationSource", ObjectMeta(name: name),
            [
                (
                    "spec",
                    [
                        "sourcePVC": .string(claimName),
                        "trigger": ["schedule": .string(backups.schedule)],
                        "restic": [
                            "repository": .string(BackupSettings.volsyncSecretName(app: name)),
                            "copyMethod": .string(backups.copyMethod.rawValue),
                            "pruneIntervalDays": 7,
                            "retain": [
                                "daily": .integer(retention.daily), "weekly": .integer(retention.weekly),
                                "monthly": .integer(retention.monthly),
                            ],
                            "moverSecurityContext": [
                                "runAsUser": .integer(user.uid), "runAsGroup": .integer(user.gid),
                                "fsGroup": .integer(user.gid),
                            ],
                        ],
                    ]
                )
            ])
    }
}
