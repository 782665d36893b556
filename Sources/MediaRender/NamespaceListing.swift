import MediaKit
import MediaYAML

/// The check of a hand-written namespace (`repo.handWrittenNamespaces`): its own `kustomization.yaml` is the
/// user's, so mediactl does not write it, but it must list what mediactl renders there for Flux to apply it: the
/// `ks.yaml` of every enabled app, the namespace files mediactl writes (shared claims, the K8up schedule, alerts,
/// the default-deny policy), and not the Kustomization of a disabled app (`ks.dis`), whose `ks.yaml` is gone.
public struct NamespaceListing: Sendable {
    /// The stack.
    public let stack: Stack

    /// A check against `stack`.
    public init(stack: Stack) { self.stack = stack }

    /// The path of `namespace`'s `kustomization.yaml`, relative to the output root.
    public func kustomizationPath(of namespace: String) -> String {
        "\(stack.repo.appsDir)/\(namespace)/kustomization.yaml"
    }

    /// The problems of hand-written `namespace`'s `kustomization.yaml` (`bytes`; nil when there is none), given the
    /// paths the render produces (relative to the output root); positions are in that file.
    public func problems(namespace: String, kustomization bytes: [UInt8]?, renderedPaths: [String]) -> [Diagnostic] {
        let folder = "\(stack.repo.appsDir)/\(namespace)/"
        guard let bytes else {
            return [
                .error(
                    at: nil,
                    "namespace '\(namespace)' is hand-written (repo.handWrittenNamespaces) but has no kustomization.yaml; "
                        + "write one that lists its apps' ks.yaml")
            ]
        }
        let read = YAMLReader(mode: .manifests).readDocuments(bytes)
        if let error = read.diagnostics.first(where: { $0.severity == .error }) { return [error] }
        let root = read.documents.first
        var listed: [String: YAMLNode] = [:]
        let resources = root?.pairs?.first { $0.keyText == "resources" }?.value
        for item in resources?.items ?? [] {
            guard let text = item.scalar?.text else { continue }
            var entry = Substring(text)
            while entry.hasPrefix("./") { entry = entry.dropFirst(2) }
            listed[String(entry)] = item
        }
        var problems: [Diagnostic] = []
        let apps = stack.apps.filter { stack.namespace(of: $0) == namespace }
        for app in apps {
            let entry = "\(app.name)/ks.yaml"
            if app.enabled, listed[entry] == nil {
                problems.append(
                    .error(
                        at: resources?.position ?? root?.position,
                        "does not list './\(entry)' of app '\(app.name)'; add it to resources, or Flux never applies it"
                    ))
            } else if !app.enabled, let node = listed[entry] {
                problems.append(
                    .error(
                        at: node.position,
                        "lists './\(entry)', but app '\(app.name)' is disabled (its Kustomization is ks.dis); remove the line"
                    ))
            }
        }
        let ownFiles = renderedPaths.filter { path in
            path.hasPrefix(folder) && !path.dropFirst(folder.count).contains("/")
        }.map { String($0.dropFirst(folder.count)) }
        for file in ownFiles.sorted() where listed[file] == nil {
            problems.append(
                .error(
                    at: resources?.position ?? root?.position,
                    "does not list './\(file)', which mediactl renders for namespace '\(namespace)'; add it to resources"
                ))
        }
        return problems
    }
}
