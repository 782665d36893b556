import MediaYAML

/// One document of a hand-written YAML file: a Kubernetes object, a kustomization or a values file.
struct ManifestDocument: Sendable {
    /// The file, relative to the repository root.
    var path: String
    /// The document's root node.
    var node: YAMLNode

    /// `apiVersion`.
    var apiVersion: String { node["apiVersion"]?.text ?? "" }
    /// `kind`.
    var kind: String { node["kind"]?.text ?? "" }
    /// `metadata.name`.
    var name: String? { node[path: "metadata", "name"]?.text }
    /// `metadata.namespace`.
    var namespace: String? { node[path: "metadata", "namespace"]?.text }
    /// The API group, `apiVersion` without its version (`helm.toolkit.fluxcd.io`; empty for the core group).
    var group: String {
        let parts = apiVersion.split(separator: "/")
        return parts.count == 2 ? String(parts[0]) : ""
    }

    /// `Kind/name`, for messages.
    var title: String { "\(kind.isEmpty ? "document" : kind) '\(name ?? "?")'" }

    /// Whether this is a `kind` of the API `group`.
    func isKind(_ kind: String, of group: String) -> Bool { self.kind == kind && self.group == group }

    /// A diagnostic about this document at `node` (its root when nil).
    func problem(_ message: String, at node: YAMLNode? = nil) -> ImportDiagnostic {
        ImportDiagnostic(path: path, .error(at: (node ?? self.node).position, message))
    }
}
