import MediaYAML

/// How Flux combines a HelmRelease's values: mappings merge key by key, recursively; anything else in the later
/// source replaces the earlier value.
enum ValueMerging {
    /// `override` merged over `base`.
    static func merge(_ base: YAMLNode, _ override: YAMLNode) -> YAMLNode {
        guard let basePairs = base.pairs, let overridePairs = override.pairs else { return override }
        var pairs = basePairs
        for pair in overridePairs {
            if let index = pairs.firstIndex(where: { $0.keyText == pair.keyText }) {
                pairs[index] = YAMLPair(key: pairs[index].key, value: merge(pairs[index].value, pair.value))
            } else {
                pairs.append(pair)
            }
        }
        return YAMLNode(.mapping(pairs), at: base.pairs?.isEmpty == false ? base.position : override.position)
    }
}
