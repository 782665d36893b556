import MediaKit

/// Compares mediactl's description of the chart's values (``ValueShape``) with the chart's schema, both ways:
/// every key described exists in the schema at that path with a compatible type, and every key the schema
/// declares on an object the description gives keys for is described (a part mediactl leaves `.open` is
/// not compared). Paths read `controllers.*.containers.*.probes.liveness.spec`, `*` for a key the user
/// chooses and `[]` for a list item.
struct ShapeComparison {
    /// The schema set compared with.
    let schema: ChartSchema
    /// The chart's major version: release-only keys are allowed in 5 only.
    let major: Int

    /// Disagreements, one line each.
    private(set) var failures: [String] = []
    /// Where the description is stricter than the schema (a type or keys where the schema has none, an
    /// enumeration where it has any string), by path.
    private(set) var stricter: Set<String> = []
    /// Release-only keys and variants met (``ValueObject/releaseOnlyKeys``), by path.
    private(set) var releaseOnly: Set<String> = []
    /// Kubernetes keys newer than the chart's copy of the API, by path.
    private(set) var kubernetesOnly: Set<String> = []

    /// A comparison with `schema` for a description of chart major version `major`.
    init(schema: ChartSchema, major: Int) {
        self.schema = schema
        self.major = major
    }

    /// Compares `shape` with the schema `nodes` at `path`, recording what disagrees.
    mutating func compare(_ shape: ValueShape, _ nodes: [ChartSchema.Node], _ path: String) throws {
        let facet = try schema.facet(of: nodes)
        if case .open = shape { return }
        if case .either(let shapes) = shape {
            for alternative in shapes { try compare(alternative, nodes, path) }
            return
        }
        if case .variants(let variants) = shape { return try compareVariants(variants, nodes, path) }
        if facet.isOpen {
            stricter.insert(path)
            return
        }
        switch shape {
        case .scalar(let kinds):
            for (kind, names) in [
                (ScalarKinds.string, ["string"]), (.integer, ["integer", "number"]), (.boolean, ["boolean"]),
            ]
            where kinds.contains(kind) && !facet.types.isEmpty && facet.types.isDisjoint(with: names) {
                failures.append("\(path): described as \(kind.expectation), the schema takes \(facet.types.sorted())")
            }
            if let enumeration = facet.enumeration {
                failures.append("\(path): the schema allows only \(enumeration.sorted()); describe it as a choice")
            }
        case .choice(let values):
            if !facet.types.isEmpty, !facet.types.contains("string") {
                failures.append("\(path): described as a string, the schema takes \(facet.types.sorted())")
            }
            if let enumeration = facet.enumeration {
                if Set(values) != enumeration {
                    failures.append(
                        "\(path): described as \(values.sorted()), the schema allows \(enumeration.sorted())")
                }
            } else {
                stricter.insert(path)
            }
        case .list(let item):
            expect("array", facet, path)
            if !facet.items.isEmpty { try compare(item, facet.items, path + "[]") }
        case .map(let value):
            expect("object", facet, path)
            if !facet.properties.isEmpty {
                failures.append(
                    "\(path): described with free keys, the schema declares \(facet.properties.keys.sorted())")
            } else if !facet.additional.isEmpty {
                try compare(value, facet.additional, path + ".*")
            } else {
                stricter.insert(path)
            }
        case .object(let object):
            try compareObject(object, facet, path, skipping: nil)
        case .open, .either, .variants:
            return
        }
    }

    private mutating func compareObject(
        _ object: ValueObject, _ facet: ChartSchema.Facet, _ path: String, skipping discriminator: String?
    ) throws {
        expect("object", facet, path)
        if facet.properties.isEmpty {
            if facet.additional.isEmpty {
                stricter.insert(path)
            } else {
                failures.append("\(path): described with fixed keys, the schema takes any key")
            }
            return
        }
        for key in object.keys where key != discriminator {
            let child = path.isEmpty ? key : path + "." + key
            if object.releaseOnlyKeys.contains(key) {
                if major < 5 { failures.append("\(child): marked release-only in a \(major).x description") }
                if facet.properties[key] != nil { failures.append("\(child): marked release-only but in the schema") }
                releaseOnly.insert(child)
                continue
            }
            guard let nodes = facet.properties[key] else {
                if Self.isKubernetesOnly(child) {
                    kubernetesOnly.insert(child)
                } else {
                    failures.append("\(child): described, but not in the schema")
                }
                continue
            }
            if let shape = object.fields[key] { try compare(shape, nodes, child) }
        }
        for key in facet.properties.keys.sorted() where object.fields[key] == nil {
            failures.append("\(path.isEmpty ? key : path + "." + key): in the schema, but not described")
        }
    }

    /// Each variant against the schema's `oneOf` branches whose discriminator is its value (with what the
    /// item itself says), and every branch's value described.
    private mutating func compareVariants(
        _ variants: ValueVariants, _ nodes: [ChartSchema.Node], _ path: String
    ) throws {
        let base = try schema.facet(of: nodes, branches: false)
        var branches: [String: [ChartSchema.Node]] = [:]
        for branch in try nodes.flatMap({ try schema.branches(of: $0) }) {
            let discriminator = try schema.facet(of: [branch]).properties[variants.key] ?? []
            for node in discriminator {
                if let value = node.json["const"] as? String { branches[value, default: []].append(branch) }
            }
        }
        for value in variants.values {
            let child = "\(path)[\(variants.key)=\(value)]"
            if variants.releaseOnlyVariants.contains(value) {
                if major < 5 || branches[value] != nil { failures.append("\(child): wrongly marked release-only") }
                releaseOnly.insert(child)
                continue
            }
            guard let matching = branches[value], let object = variants.variants[value] else {
                failures.append("\(child): described, but no branch of the schema has it")
                continue
            }
            var facet = try schema.facet(of: matching)
            facet.merge(base)
            try compareObject(object, facet, child, skipping: variants.key)
        }
        for value in branches.keys.sorted() where variants.variants[value] == nil {
            failures.append("\(path)[\(variants.key)=\(value)]: in the schema, but not described")
        }
    }

    private mutating func expect(_ type: String, _ facet: ChartSchema.Facet, _ path: String) {
        if !facet.types.isEmpty, !facet.types.contains(type) {
            failures.append(
                "\(path): described as \(type == "array" ? "a list" : "a mapping"), "
                    + "the schema takes \(facet.types.sorted())"
            )
        }
    }

    /// `appArmorProfile` and `windowsOptions` of a container's SecurityContext: Kubernetes has them, the chart's
    /// copy of the API (which it does not enforce there) is older.
    private static func isKubernetesOnly(_ path: String) -> Bool {
        let containerContext =
            path.contains(".containers.*.securityContext.") || path.contains(".initContainers.*.securityContext.")
            || path.contains(".defaultContainerOptions.securityContext.")
        return containerContext && (path.hasSuffix(".appArmorProfile") || path.hasSuffix(".windowsOptions"))
    }
}

extension ChartSchema.Facet {
    /// Adds what `other` says.
    mutating func merge(_ other: ChartSchema.Facet) {
        types.formUnion(other.types)
        properties.merge(other.properties) { $0 + $1 }
        additional += other.additional
        closed = closed || other.closed
        items += other.items
        if let values = other.enumeration { enumeration = (enumeration ?? []).union(values) }
    }
}
