import MediaYAML

/// How the app-template chart reads a release's values (common library 3.x, 4.x and 5.x): which items are
/// enabled, which controller a Service belongs to, which port is primary, where a persistence item is mounted,
/// and the names the chart gives objects. Import and the facts it compares both read values through it.
struct ReleaseValues {
    /// The values, as the chart gets them.
    let values: YAMLNode
    /// The release's name (the app's).
    let releaseName: String
    /// The release's namespace.
    let namespace: String
    /// The chart's major version.
    let major: Int

    /// The enabled items of a section (`controllers`, `service`, `persistence`…) in byte order of their
    /// identifiers: an item is enabled unless it says `enabled: false`.
    func enabled(_ section: String) -> [(id: String, node: YAMLNode)] {
        Self.enabled(in: values[section])
    }

    /// The enabled items of a mapping of identified items.
    static func enabled(in node: YAMLNode?) -> [(id: String, node: YAMLNode)] {
        (node?.pairs ?? []).filter { $0.value.pairs != nil && !($0.value["enabled"]?.isBoolean(false) ?? false) }
            .map { ($0.keyText, $0.value) }
            .sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    }

    /// `text` with the templates the chart fills from the release (`{{ .Release.Name }}`,
    /// `{{ .Release.Namespace }}`) filled; other templates stay.
    func filled(_ text: String) -> String {
        guard text.contains("{{") else { return text }
        var result = text
        for (expression, value) in [("Release.Name", releaseName), ("Release.Namespace", namespace)] {
            for spacing in [" ", ""] {
                result = result.replacing("{{\(spacing).\(expression)\(spacing)}}", with: value)
                result = result.replacing("{{-\(spacing).\(expression)\(spacing)-}}", with: value)
            }
        }
        return result
    }

    // MARK: names

    /// The chart's full name: `global.fullnameOverride`, else the release name when it contains the chart's name
    /// (`global.nameOverride`, which app-template sets to the release name), else `<release>-<name>`.
    var fullName: String {
        if let override = values[path: "global", "fullnameOverride"]?.text ?? values["fullnameOverride"]?.text {
            return String(filled(override).prefix(63)).lowercased()
        }
        let name = filled(values[path: "global", "nameOverride"]?.text ?? values["nameOverride"]?.text ?? releaseName)
        let full = releaseName.contains(name) ? releaseName : "\(releaseName)-\(name)"
        return String(full.prefix(63))
    }

    /// The name of the Service `id` among `count` enabled Services (`_determineResourceNameFromValues.tpl` in
    /// 4.x and 5.x; `service/_valuesToObject.tpl` in 3.x).
    func serviceName(_ id: String, _ node: YAMLNode, count: Int) -> String {
        var name = fullName
        if let rename = node["forceRename"]?.text { return filled(rename).lowercased() }
        if major == 3 {
            if let override = node["nameOverride"]?.text {
                let text = filled(override)
                if name != text { name += "-" + text }
            } else if !(node["primary"]?.isBoolean(true) ?? false), count > 1, name != id {
                name += "-" + id
            }
            return name
        }
        if let prefix = node["prefix"]?.text, filled(prefix) != name { name = filled(prefix) + "-" + name }
        let always = values[path: "global", "alwaysAppendIdentifierToResourceName"]?.isBoolean(true) ?? false
        if count > 1 || always, !name.hasSuffix("-" + id), name != id { name += "-" + id }
        if let suffix = node["suffix"]?.text, !name.hasSuffix("-" + filled(suffix)) { name += "-" + filled(suffix) }
        return name.lowercased()
    }

    // MARK: controllers and services

    /// The controller a Service selects: its `controller`, or the only controller.
    func controller(of service: YAMLNode) -> String? {
        if let id = service["controller"]?.text { return id }
        let controllers = enabled("controllers")
        return controllers.count == 1 ? controllers[0].id : nil
    }

    /// The enabled ports of a Service, by name, in byte order.
    static func ports(of service: YAMLNode) -> [(name: String, node: YAMLNode)] {
        enabled(in: service["ports"]).map { ($0.id, $0.node) }
    }

    /// A Service's primary port: the one marked `primary`, else the first by name.
    static func primaryPort(of service: YAMLNode) -> (name: String, node: YAMLNode)? {
        let ports = ports(of: service)
        return ports.first { $0.node["primary"]?.isBoolean(true) ?? false } ?? ports.first
    }

    // MARK: persistence

    /// A mount of a persistence item into one container.
    struct Mount: Hashable {
        /// The path in the container.
        var path: String
        /// The folder of the volume mounted, if not its root.
        var subPath: String?
        /// Whether the mount is read-only.
        var readOnly: Bool
    }

    /// Where persistence item `id` is mounted in container `container` of controller `controller`: its
    /// `globalMounts` and its `advancedMounts` for that container; with neither, every container at `/<id>`
    /// (a hostPath item at its host path).
    func mounts(of id: String, _ item: YAMLNode, controller: String, container: String) -> [Mount] {
        var defaultPath = "/" + id
        if item["type"]?.text == "hostPath", let hostPath = item["hostPath"]?.text { defaultPath = hostPath }
        let global = item["globalMounts"]?.items ?? []
        let advanced = item["advancedMounts"]?[controller]?[container]?.items ?? []
        if item["globalMounts"] == nil, item["advancedMounts"] == nil {
            return [Mount(path: defaultPath, subPath: nil, readOnly: false)]
        }
        return (global + advanced).map { mount in
            Mount(
                path: mount["path"]?.text ?? defaultPath, subPath: mount["subPath"]?.text.map(filled),
                readOnly: mount["readOnly"]?.isBoolean(true) ?? false)
        }
    }
}
