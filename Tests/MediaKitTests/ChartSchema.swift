import Foundation

/// The bjw-s app-template values schemas in `../shared/schemas/bjw-s/` (JSON Schema draft-07), read with
/// `JSONSerialization`, with their `$ref`s resolved: `#/…` in the same file, `x.json#/…` beside it, and the
/// common library's absolute URL mapped to its folder as `../shared/schemas/README.md` describes.
///
/// A node of the schema is seen as a ``Facet``: everything its `$ref`, `allOf`, `anyOf`, `oneOf` and `then`
/// parts say, merged (the types, properties and items of all of them). That is what a value at that place may
/// be, given that the description being compared is checked per key.
struct ChartSchema {
    /// One schema object and the file it is in (for its relative `$ref`s).
    struct Node {
        /// The schema object.
        let json: [String: Any]
        /// The file it is in.
        let file: URL
    }

    /// What the parts of a schema node say, merged.
    struct Facet {
        /// The JSON types named (`string`, `integer`, `number`, `boolean`, `object`, `array`, `null`).
        var types: Set<String> = []
        /// The schemas of each declared property.
        var properties: [String: [Node]] = [:]
        /// The schemas of the values of undeclared keys (`additionalProperties` as a schema).
        var additional: [Node] = []
        /// Whether a part says `additionalProperties: false`.
        var closed = false
        /// The schemas of list items.
        var items: [Node] = []
        /// The strings of an `enum`, or nil without one.
        var enumeration: Set<String>?
        /// Whether nothing constrains the value (no type, no properties, no items).
        var isOpen: Bool { types.isEmpty && properties.isEmpty && additional.isEmpty && items.isEmpty && !closed }
    }

    /// The folder holding `app-template-<v>/` and `common-<v>/`.
    let folder: URL
    private static let urlPrefix = "https://raw.githubusercontent.com/bjw-s-labs/helm-charts/"

    /// The root node of app-template `version`'s values (`app-template-<v>/values.schema.json`).
    func root(version: String) throws -> Node {
        let file = folder.appendingPathComponent("app-template-\(version)/values.schema.json")
        return Node(json: try Self.object(at: file), file: file)
    }

    /// Everything `node` says, merged; `oneOf` branches are left out when `branches` is false (the caller
    /// looks at them one by one).
    func facet(of nodes: [Node], branches: Bool = true) throws -> Facet {
        var facet = Facet()
        for node in nodes { try merge(node, into: &facet, branches: branches, depth: 0) }
        return facet
    }

    /// The `oneOf` branches of `node` (after its `$ref`), each with its own parts.
    func branches(of node: Node) throws -> [Node] {
        var node = node
        var hops = 0
        while let ref = node.json["$ref"] as? String, hops < 16 {
            node = try resolve(ref, from: node.file)
            hops += 1
        }
        return (node.json["oneOf"] as? [[String: Any]] ?? []).map { Node(json: $0, file: node.file) }
    }

    private func merge(_ node: Node, into facet: inout Facet, branches: Bool, depth: Int) throws {
        guard depth < 32 else { throw SchemaError.tooDeep(node.file.path) }
        var json = node.json
        // The chart's copy of the container SecurityContext nests the definition one level down under its
        // OpenAPI name, which leaves the chart's check open there; compare with the nested definition.
        if json["type"] == nil, json["properties"] == nil, json.count == 1, let name = json.keys.first,
            name.hasPrefix("io.k8s.api."), let nested = json[name] as? [String: Any]
        {
            json = nested
        }
        if let type = json["type"] as? String { facet.types.insert(type) }
        if let types = json["type"] as? [String] { facet.types.formUnion(types) }
        if let values = json["enum"] as? [Any] {
            let strings = Set(values.compactMap { $0 as? String })
            facet.enumeration = (facet.enumeration ?? []).union(strings)
        }
        if json["const"] is String { facet.types.insert("string") }
        for (key, value) in json["properties"] as? [String: Any] ?? [:] {
            if let schema = value as? [String: Any] {
                facet.properties[key, default: []].append(Node(json: schema, file: node.file))
            }
        }
        if let additional = json["additionalProperties"] as? [String: Any] {
            facet.additional.append(Node(json: additional, file: node.file))
        }
        if json["additionalProperties"] as? Bool == false { facet.closed = true }
        if let items = json["items"] as? [String: Any] { facet.items.append(Node(json: items, file: node.file)) }
        if let ref = json["$ref"] as? String {
            try merge(try resolve(ref, from: node.file), into: &facet, branches: branches, depth: depth + 1)
        }
        var parts = (json["allOf"] as? [[String: Any]] ?? []) + (json["anyOf"] as? [[String: Any]] ?? [])
        if branches { parts += json["oneOf"] as? [[String: Any]] ?? [] }
        if let then = json["then"] as? [String: Any] { parts.append(then) }
        for part in parts {
            try merge(Node(json: part, file: node.file), into: &facet, branches: true, depth: depth + 1)
        }
    }

    /// The node a `$ref` names, relative to `file`.
    func resolve(_ ref: String, from file: URL) throws -> Node {
        let (location, pointer) = Self.split(ref)
        let target: URL
        if location.isEmpty {
            target = file
        } else if location.hasPrefix(Self.urlPrefix) {
            target = try localFile(for: String(location.dropFirst(Self.urlPrefix.count)))
        } else {
            target = file.deletingLastPathComponent().appendingPathComponent(location).standardizedFileURL
        }
        var json: Any = try Self.object(at: target)
        for part in pointer.split(separator: "/") {
            let key = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = (json as? [String: Any])?[key] else { throw SchemaError.badReference(ref, target.path) }
            json = next
        }
        guard let object = json as? [String: Any] else { throw SchemaError.badReference(ref, target.path) }
        return Node(json: object, file: target)
    }

    /// `common-5.0.0/charts/library/common/schemas/pod.json` → `<folder>/common-5.0.0-pre/schemas/pod.json`
    /// (the 5.x set is a pre-release snapshot whose `$id` names the release).
    private func localFile(for path: String) throws -> URL {
        let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw SchemaError.badReference(path, folder.path) }
        let chart = parts[0]
        let inside =
            parts[1].replacingOccurrences(of: "charts/library/common/", with: "")
            .replacingOccurrences(of: "charts/other/app-template/", with: "")
        var local = folder.appendingPathComponent(chart)
        if !FileManager.default.fileExists(atPath: local.path) { local = folder.appendingPathComponent(chart + "-pre") }
        return local.appendingPathComponent(inside)
    }

    private static func split(_ ref: String) -> (String, String) {
        guard let hash = ref.firstIndex(of: "#") else { return (ref, "") }
        return (String(ref[..<hash]), String(ref[ref.index(after: hash)...]))
    }

    private static let cache = SchemaCache()

    private static func object(at file: URL) throws -> [String: Any] {
        try cache.object(at: file)
    }

    /// A schema that cannot be read or followed.
    enum SchemaError: Error, CustomStringConvertible {
        case unreadable(String)
        case badReference(String, String)
        case tooDeep(String)

        var description: String {
            switch self {
            case .unreadable(let path): "cannot read the schema at \(path)"
            case .badReference(let ref, let path): "cannot resolve '\(ref)' in \(path)"
            case .tooDeep(let path): "references nest too deep in \(path)"
            }
        }
    }
}

/// The parsed schema files by path, read once per test run.
private final class SchemaCache: @unchecked Sendable {
    private let lock = NSLock()
    private var objects: [String: [String: Any]] = [:]

    /// The parsed object in `file`.
    func object(at file: URL) throws -> [String: Any] {
        lock.lock()
        defer { lock.unlock() }
        if let object = objects[file.path] { return object }
        guard let data = try? Data(contentsOf: file),
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { throw ChartSchema.SchemaError.unreadable(file.path) }
        objects[file.path] = object
        return object
    }
}
