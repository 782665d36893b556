import MediaYAML

/// The `values:` that make mediactl's rendered values say what the original values say: values are deep-merged
/// over the render, so the patch holds each key whose original value differs from the rendered one (a mapping
/// is compared key by key, anything else as a whole). Keys mediactl renders that the original does not have
/// stay (mediactl's defaults), except below an exact path, whose original replaces the render: there the patch
/// sets the extra rendered keys to null, which removes them.
enum ValuesPatch {
    /// The patch at `path` (nil when nothing is needed).
    /// The patch at `path` (nil when nothing is needed); `changes` gets the dotted path of each value the patch
    /// sets or removes.
    static func patch(
        rendered: YAMLNode?, original: YAMLNode, path: [String] = [], exact: [[String]], changes: inout [String]
    ) -> YAMLNode? {
        if let pairs = original.pairs, let renderedPairs = rendered?.pairs {
            var result: [YAMLPair] = []
            for pair in pairs {
                let renderedValue = renderedPairs.first { $0.keyText == pair.keyText }?.value
                if let value = patch(
                    rendered: renderedValue, original: pair.value, path: path + [pair.keyText], exact: exact,
                    changes: &changes)
                {
                    result.append(YAMLPair(key: pair.key, value: value))
                }
            }
            if exact.contains(where: { path.starts(with: $0) }) {
                for pair in renderedPairs where !pairs.contains(where: { $0.keyText == pair.keyText }) {
                    result.append(
                        YAMLPair(
                            key: .plain(pair.keyText, at: original.position),
                            value: .plain("null", at: original.position)))
                    changes.append((path + [pair.keyText]).joined(separator: ".") + " (removed)")
                }
            }
            return result.isEmpty ? nil : YAMLNode(.mapping(result), at: original.position)
        }
        if rendered == nil, original.isNull { return nil }
        if let rendered, rendered.sameValue(as: original) { return nil }
        changes.append(path.joined(separator: "."))
        return original
    }

    /// `node` with every plain scalar written the way it is read (`0775` → `509`, `True` → `true`), positions
    /// kept, so the values check sees what `mediactl.yaml` will hold.
    static func canonical(_ node: YAMLNode) -> YAMLNode {
        switch node.content {
        case .scalar(let scalar):
            guard scalar.style == .plain, !node.isNull else { return node }
            switch node.typedValue {
            case .integer(let value): return .plain(String(value), at: node.position)
            case .boolean(let value): return .plain(value ? "true" : "false", at: node.position)
            default: return node
            }
        case .sequence(let items): return YAMLNode(.sequence(items.map(canonical)), at: node.position)
        case .mapping(let pairs):
            return YAMLNode(
                .mapping(pairs.map { YAMLPair(key: $0.key, value: canonical($0.value)) }), at: node.position)
        }
    }
}
