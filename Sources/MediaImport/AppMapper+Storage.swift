import MediaKit
import MediaYAML

/// Persistence: the claim at the config path → `storage` (mediactl renders the claim under its old name), other
/// existing claims and NFS exports → shared volumes (`storage.volumes`) and `mounts`; emptyDirs, ConfigMaps,
/// Secrets and host paths stay in `values:`. A claim the chart itself creates is refused: moved out of the release,
/// Helm would delete it.
extension AppMapper {
    /// The keys of a persistence item that a shared volume or the config claim says everything of.
    private static let volumeKeys: Set<String> = [
        "type", "existingClaim", "server", "path", "globalMounts", "advancedMounts", "enabled",
    ]

    /// Maps the persistence items the chart mounts from claims and NFS exports.
    mutating func mapStorage(
        _ remaining: inout YAMLNode, controller: (id: String, node: YAMLNode), container: (id: String, node: YAMLNode)
    ) throws(AppRefusal) {
        let values = reading.values
        let containers =
            ReleaseValues.enabled(in: controller.node["containers"])
            + ReleaseValues.enabled(in: controller.node["initContainers"])
        var mounts: [VolumeMount] = []
        var configClaimed = false
        for (id, item) in values.enabled("persistence") {
            let type = item["type"]?.text ?? "persistentVolumeClaim"
            guard type == "persistentVolumeClaim" || type == "nfs" else { continue }
            if type == "persistentVolumeClaim", item["existingClaim"] == nil {
                throw refusal(
                    "persistence '\(id)' is a claim the chart creates; mediactl keeps claims outside the release, and "
                        + "moving it out would let Helm delete it (give it 'existingClaim' and a claim of its own first)",
                    at: item)
            }
            let mainMounts = values.mounts(of: id, item, controller: controller.id, container: container.id)
            let everywhere = containers.allSatisfy {
                values.mounts(of: id, item, controller: controller.id, container: $0.id) == mainMounts
            }
            let plainMounts = ((item["globalMounts"]?.items ?? []) + Self.advancedMounts(item)).allSatisfy { mount in
                mount.keys.allSatisfy { ["path", "subPath", "readOnly"].contains($0) }
            }
            guard everywhere, plainMounts, !mainMounts.isEmpty, item.keys.allSatisfy(Self.volumeKeys.contains) else {
                continue
            }
            let source: SharedVolume
            if type == "nfs" {
                guard let server = item["server"]?.text, let path = item["path"]?.text, path.hasPrefix("/") else {
                    continue
                }
                source = .nfs(server: server, path: path)
            } else {
                let claim = values.filled(item["existingClaim"]?.text ?? "")
                guard DNSLabel.problem(with: claim) == nil || claim.contains(".") else { continue }
                if !configClaimed, try mapConfigClaim(claim, mounts: mainMounts) {
                    configClaimed = true
                    remaining = AppMapper.replacing(in: remaining, at: ["persistence", id], with: nil)
                    continue
                }
                source = .existingClaim(claim)
            }
            let volume = volumeName(for: source, preferred: id)
            volumes[volume] = source
            for mount in mainMounts {
                mounts.append(
                    VolumeMount(volume: volume, path: mount.path, subPath: mount.subPath, readOnly: mount.readOnly))
            }
            remaining = AppMapper.replacing(in: remaining, at: ["persistence", id], with: nil)
            notes.append(
                type == "nfs"
                    ? "persistence '\(id)' (NFS) → storage.volumes.\(volume) and mounts"
                    : "persistence '\(id)' (claim '\(values.filled(item["existingClaim"]?.text ?? ""))') → "
                        + "storage.volumes.\(volume) and mounts")
        }
        remaining = AppMapper.withoutEmpty(remaining, "persistence")
        if !configClaimed, let path = reading.configPath {
            spec.storage = .disabled
            set("storage", false, note: "storage: false (\(configClaimNote(at: path)))")
        }
        if !mounts.isEmpty {
            let sorted = mounts.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            spec.mounts = sorted
            set(
                "mounts",
                .sequence(
                    sorted.map { mount in
                        var entry = YAMLMapping([("volume", .string(mount.volume)), ("path", .string(mount.path))])
                        if let subPath = mount.subPath { entry.set("subPath", .string(subPath)) }
                        if mount.readOnly { entry.set("readOnly", true) }
                        return .mapping(entry)
                    }), note: nil)
        }
    }

    /// Why no claim became the config claim at `path`.
    private func configClaimNote(at path: String) -> String {
        guard let name = reading.configClaimName else {
            return "no claim of the app folder is mounted whole at \(path) in every container"
        }
        guard let claim = app.claims[name] else {
            return "claim '\(name)' at \(path) is not in the app folder, so mediactl must not render it"
        }
        if claim.storageClass.map({ DNSLabel.problem(with: $0) != nil }) ?? false {
            return "claim '\(name)' names storage class '\(claim.storageClass ?? "")', which is not a name mediactl "
                + "writes; its file stays hand-written"
        }
        if claim.accessModes != ["ReadWriteOnce"] || !claim.otherFields.isEmpty || claim.size == nil {
            return "claim '\(name)' is not one mediactl writes (ReadWriteOnce, a size, nothing else); its file stays "
                + "hand-written"
        }
        if let controller = reading.controller, let container = reading.container,
            let (id, item) = reading.values.enabled("persistence").first(where: {
                $0.node["existingClaim"].map { reading.values.filled($0.text ?? "") } == name
            })
        {
            let containers = ReleaseValues.enabled(in: controller.node["containers"])
            let mine = reading.values.mounts(of: id, item, controller: controller.id, container: container.id)
            if containers.contains(where: {
                reading.values.mounts(of: id, item, controller: controller.id, container: $0.id) != mine
            }) {
                return "claim '\(name)' is mounted in some containers only; mediactl mounts a config claim into every "
                    + "container, so the item stays in values and the claim's file stays hand-written"
            }
        }
        return "claim '\(name)' at \(path) carries settings mediactl does not write; its file stays hand-written"
    }

    private static func advancedMounts(_ item: YAMLNode) -> [YAMLNode] {
        (item["advancedMounts"]?.pairs ?? []).flatMap { controller in
            (controller.value.pairs ?? []).flatMap { $0.value.items ?? [] }
        }
    }

    /// Whether `claim`, mounted as `mounts`, is the app's config claim as mediactl renders it: one read-write mount
    /// of the whole claim at the config path, the claim in the app folder, ReadWriteOnce with a size and nothing
    /// else mediactl would drop. Sets `storage` when it is.
    private mutating func mapConfigClaim(_ claim: String, mounts: [ReleaseValues.Mount]) throws(AppRefusal) -> Bool {
        guard let path = reading.configPath, mounts == [ReleaseValues.Mount(path: path, subPath: nil, readOnly: false)],
            reading.spec?.statePaths.isEmpty ?? true, let found = app.claims[claim], found.otherFields.isEmpty,
            found.accessModes == ["ReadWriteOnce"], let size = found.size, DNSLabel.problem(with: claim) == nil,
            found.storageClass.map({ DNSLabel.problem(with: $0) == nil }) ?? true
        else { return false }
        let annotations = found.node[path: "metadata", "annotations"]?.pairs ?? []
        let keptMetadata = annotations.allSatisfy {
            $0.keyText == "kustomize.toolkit.fluxcd.io/prune" && $0.value.text == "disabled"
        }
        guard keptMetadata, found.node[path: "metadata", "labels"] == nil else { return false }
        let defaults = stack.storage.config
        // mediactl cannot write "no storage class" for one app when the stack names one.
        if found.storageClass == nil, defaults.storageClass != nil { return false }
        let claimName = claim == defaults.claimNames.claimName(for: AppName(rawValue: app.name)) ? nil : claim
        let customSize = size == defaults.size ? nil : size
        let storageClass = found.storageClass == defaults.storageClass ? nil : found.storageClass
        var entry = YAMLMapping()
        if let customSize { entry.set("size", .string(customSize)) }
        if let storageClass { entry.set("storageClass", .string(storageClass)) }
        if let claimName { entry.set("claimName", .string(claimName)) }
        configClaim = claim
        if entry.isEmpty {
            spec.storage = .default
            notes.append("claim '\(claim)' at \(path) → the config claim")
        } else {
            spec.storage = .custom(size: customSize, storageClass: storageClass, claimName: claimName)
            set("storage", .mapping(entry), note: "claim '\(claim)' at \(path) → storage (the claim keeps its name)")
        }
        return true
    }

    /// The name of the shared volume for `source`: the one the stack or an app already gave it, else the claim's
    /// name or the persistence item's, made unique.
    private func volumeName(for source: SharedVolume, preferred id: String) -> String {
        if let existing = volumes.first(where: { $0.value == source })?.key { return existing }
        var base = id
        if case .existingClaim(let claim) = source, DNSLabel.problem(with: claim) == nil { base = claim }
        if DNSLabel.problem(with: base) != nil { base = "volume" }
        var name = base
        var number = 2
        while volumes[name] != nil {
            name = "\(base)-\(number)"
            number += 1
        }
        return name
    }
}
