/// `controllers.<id>`: the workload, its pod, containers and type-specific settings.
extension ChartValueShapes {
    /// A controller: its type, pod, containers and the settings of each workload kind.
    static func controller(_ major: Int) -> ValueShape {
        var controller = resource(
            major,
            [
                "type": .oneOf("deployment", "statefulset", "daemonset", "cronjob", "job"),
                "pod": podOptions(major),
                "replicas": .integer,
                "revisionHistoryLimit": .integer,
                "rollingUpdate": .open,
                // Checked by the chart's templates; the 3.x and 4.x schemas say only "string".
                "strategy": .oneOf("Recreate", "RollingUpdate", "OnDelete"),
                "cronjob": cronJob,
                "job": job,
                "statefulset": statefulSet(major),
                "applyDefaultContainerOptionsToInitContainers": .boolean,
                "defaultContainerOptionsStrategy": mergeStrategy,
                "defaultContainerOptions": defaultContainerOptions(major),
                "initContainers": .map(container(major)),
                "containers": .map(container(major)),
                "serviceAccount": .object(["name": .string, "identifier": .string]),
            ])
        if major >= 5 {
            controller.add([
                "horizontalPodAutoscaler": .object([
                    "labels": .stringMap,
                    "annotations": .stringMap,
                    "minReplicas": .integer,
                    "maxReplicas": .integer,
                    "metrics": .list(.open),
                    "behavior": .open,
                ]),
                "podDisruptionBudget": .object(["minAvailable": .integerOrString, "maxUnavailable": .integerOrString]),
            ])
        }
        return .object(controller)
    }

    /// `cronjob`: the schedule and Job settings of a CronJob controller.
    static let cronJob = ValueShape.object([
        "schedule": .string,
        "timeZone": .string,
        "suspend": .boolean,
        "concurrencyPolicy": .string,
        "startingDeadlineSeconds": .integer,
        "successfulJobsHistory": .integer,
        "failedJobsHistory": .integer,
        "backoffLimit": .integer,
        "parallelism": .integer,
        "activeDeadlineSeconds": .integer,
        "ttlSecondsAfterFinished": .integer,
    ])

    /// `job`: the settings of a Job controller.
    static let job = ValueShape.object([
        "suspend": .boolean,
        "backoffLimit": .integer,
        "parallelism": .integer,
        "completions": .integer,
        "completionMode": .string,
        "activeDeadlineSeconds": .integer,
        "ttlSecondsAfterFinished": .integer,
    ])

    /// `statefulset`: the settings of a StatefulSet controller, volume claim templates included.
    static func statefulSet(_ major: Int) -> ValueShape {
        let retention = ValueShape.oneOf("Delete", "Retain")
        var statefulSet = ValueObject([
            "podManagementPolicy": .string,
            "persistentVolumeClaimRetentionPolicy": .object(["whenDeleted": retention, "whenScaled": retention]),
            "volumeClaimTemplates": .list(
                .object([
                    "enabled": .boolean,
                    "name": .string,
                    "labels": .stringMap,
                    "annotations": .stringMap,
                    "accessMode": .string,
                    "size": .string,
                    "storageClass": .string,
                    "dataSource": dataSourceReference,
                    "dataSourceRef": dataSourceReference,
                    "globalMounts": globalMounts(major),
                    "advancedMounts": .map(.list(mount(major))),
                ])),
        ])
        if major >= 4 { statefulSet.add(["serviceName": .either([.string, .object(["identifier": .string])])]) }
        if major >= 5 { statefulSet.add(["startOrdinal": .integer]) }
        return .object(statefulSet)
    }
}
