import MediaKit
import MediaYAML

/// What becomes of each file of the app folder: `render` replaces the files whose every object it renders (the
/// Flux Kustomization, the app's `kustomization.yaml`, the HelmRelease, its chart source, the config claim);
/// files with none of them stay hand-written and listed (`extraResources`); a ConfigMap that only held values is
/// no longer listed. A file mixing both cannot be split without editing it, and is refused.
extension AppMapper {
    /// The files `render` replaces, those that stay listed (relative to `app/`), and those no longer listed.
    func fileFates() throws(AppRefusal) -> (adopted: [String], kept: [String], unlisted: [String]) {
        var adopted = [app.fluxFile, app.folder + "/app/kustomization.yaml"]
        var kept: [String] = []
        var unlisted = app.valuesFiles
        let valuesMaps = Set(app.release.node[path: "spec", "valuesFrom"]?.items?.compactMap { $0["name"]?.text } ?? [])
        let rendered: Set<String> = ["helmrelease.yaml", "ocirepository.yaml", "helmrepository.yaml", "pvc.yaml"]
        var reasons: [ImportDiagnostic] = []
        for resource in app.resources {
            let path = app.appFolder + resource
            let documents = app.documents[path] ?? []
            var replaced: [String] = []
            var stays: [String] = []
            var consumed = false
            for document in documents {
                if document.isKind("HelmRelease", of: "helm.toolkit.fluxcd.io")
                    || app.chartSourceFiles.contains(path)
                        && (document.isKind("OCIRepository", of: "source.toolkit.fluxcd.io")
                            || document.isKind("HelmRepository", of: "source.toolkit.fluxcd.io"))
                    || (document.isKind("PersistentVolumeClaim", of: "") && document.name == configClaim)
                {
                    replaced.append(document.title)
                } else if document.isKind("ConfigMap", of: ""), valuesMaps.contains(document.name ?? "") {
                    replaced.append(document.title)
                    consumed = true
                } else {
                    stays.append(document.title)
                }
            }
            if !replaced.isEmpty, !stays.isEmpty {
                reasons.append(
                    ImportDiagnostic(
                        path: path,
                        .error(
                            at: documents.first?.node.position,
                            "the file holds \(replaced.joined(separator: ", ")), which mediactl renders, and "
                                + "\(stays.joined(separator: ", ")), which it does not; put them in separate files")))
            } else if replaced.isEmpty {
                kept.append(resource)
            } else {
                adopted.append(path)
                if consumed || !rendered.contains(resource) { unlisted.append(path) }
            }
        }
        if !reasons.isEmpty { throw AppRefusal(reasons) }
        return (adopted, kept, unlisted)
    }
}
