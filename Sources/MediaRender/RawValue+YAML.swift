import MediaKit
import MediaYAML

extension RawValue {
    /// The value as YAML, maps sorted by key (they come from the user).
    var yamlValue: YAMLValue {
        switch self {
        case .string(let text): .string(text)
        case .integer(let number): .integer(number)
        case .boolean(let flag): .boolean(flag)
        case .null: .null
        case .list(let items): .sequence(items.map(\.yamlValue))
        case .map(let map): .mapping(YAMLMapping.sortedByKey(map.mapValues(\.yamlValue)))
        }
    }
}

extension YAMLValue {
    /// `overrides` deep-merged over this value, as Helm merges values files: mappings merge key by key,
    /// anything else replaces, and `null` removes the key. Keys this value already has keep their place;
    /// new keys follow in UTF-8 order.
    func merging(_ overrides: [String: RawValue]) -> YAMLValue {
        guard case .mapping(var mapping) = self else { return RawValue.map(overrides).yamlValue }
        for key in overrides.keys.sortedByBytes() {
            guard let override = overrides[key] else { continue }
            switch (mapping[key], override) {
            case (_, .null):
                mapping.removeValue(forKey: key)
            case (.some(.mapping), .map(let nested)):
                mapping.set(key, mapping[key]?.merging(nested) ?? override.yamlValue)
            default:
                mapping.set(key, override.yamlValue)
            }
        }
        return .mapping(mapping)
    }
}
