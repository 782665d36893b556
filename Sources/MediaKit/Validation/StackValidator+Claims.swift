/// Claim names: two PVCs of one name in a namespace are one PVC, so two apps would share (and overwrite) one
/// volume's data.
extension StackValidator {
    /// Config claims that collide with another app's config claim or a shared `pvc` volume in the same namespace.
    func claimIssues(_ apps: [ResolvedApp]) -> [ValidationIssue] {
        var owners: [String: String] = [:]
        var issues: [ValidationIssue] = []
        for app in apps {
            guard let claim = app.configVolume?.claimName else { continue }
            let key = app.namespace + "/" + claim
            if let owner = owners[key] {
                issues.append(
                    ValidationIssue(
                        .error, at: ["apps", app.name.rawValue, "storage"],
                        "claim '\(claim)' of app '\(app.name)' is already the config claim of app '\(owner)' in "
                            + "namespace '\(app.namespace)'; give one of them its own 'storage.claimName'"))
            } else {
                owners[key] = app.name.rawValue
            }
        }
        // Shared `pvc` volumes are rendered as PVCs named after the volume, in each namespace that mounts them.
        var sharedVolumes: Set<String> = []
        for app in apps {
            for mount in app.mounts {
                if case .pvc = mount.source { sharedVolumes.insert(app.namespace + "/" + mount.volume) }
            }
        }
        for app in apps {
            guard let claim = app.configVolume?.claimName, sharedVolumes.contains(app.namespace + "/" + claim) else {
                continue
            }
            issues.append(
                ValidationIssue(
                    .error, at: ["apps", app.name.rawValue, "storage"],
                    "claim '\(claim)' of app '\(app.name)' is also the PVC of shared volume '\(claim)' in "
                        + "namespace '\(app.namespace)'; give the app its own 'storage.claimName'"))
        }
        return issues
    }
}
