/// An ordered YAML mapping with string keys, each entry optionally preceded by comment lines.
///
/// Keys are unique: ``set(_:_:comment:)`` replaces the value of an existing key in place.
public struct YAMLMapping: Hashable, Sendable {
    /// One key and its value.
    public struct Entry: Hashable, Sendable {
        /// The key.
        public var key: String
        /// The value.
        public var value: YAMLValue
        /// Comment lines printed above the entry (without `# `), if any. Not printed for the first entry
        /// of a mapping that continues a nested sequence's dash line (`- - key: value`).
        public var comment: String?

        /// Creates an entry.
        public init(key: String, value: YAMLValue, comment: String? = nil) {
            self.key = key
            self.value = value
            self.comment = comment
        }
    }

    /// The entries in output order.
    public private(set) var entries: [Entry] = []

    /// An empty mapping.
    public init() {}

    /// A mapping of the pairs in the given order; a later duplicate key replaces the earlier value.
    public init(_ pairs: [(String, YAMLValue)]) {
        // Keys are nearly always distinct: checked once, then taken as they are. Setting them one by one
        // looked each key up among the earlier ones, a fifth of building a HelmRelease's values.
        guard Self.hasDistinctKeys(pairs) else {
            entries.reserveCapacity(pairs.count)
            for (key, value) in pairs { set(key, value) }
            return
        }
        entries = pairs.map { Entry(key: $0.0, value: $0.1) }
    }

    /// Whether no two keys of `pairs` are equal (as `String`s: canonically equivalent).
    private static func hasDistinctKeys(_ pairs: [(String, YAMLValue)]) -> Bool {
        guard pairs.count <= 32 else { return Set(pairs.map(\.0)).count == pairs.count }
        for index in pairs.indices.dropFirst() {
            let key = pairs[index].0
            let first = key.utf8.first ?? 0
            for earlier in pairs[..<index] {
                // Different ASCII first characters stay first in any decomposition: the keys differ.
                let earlierFirst = earlier.0.utf8.first ?? 0
                if first < 0x80, earlierFirst < 0x80, first != earlierFirst { continue }
                if key == earlier.0 { return false }
            }
        }
        return true
    }

    /// A mapping of a dictionary's entries sorted by key in UTF-8 byte order, for maps that come from
    /// the user (labels, annotations, env, values).
    public static func sortedByKey(_ dictionary: [String: YAMLValue]) -> YAMLMapping {
        YAMLMapping(dictionary.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value) })
    }

    /// Whether the mapping has no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// The keys in output order.
    public var keys: [String] { entries.map(\.key) }

    /// The value for `key`, if present.
    public subscript(key: String) -> YAMLValue? {
        entries.first { $0.key == key }?.value
    }

    /// Adds `key` at the end, or replaces its value where it already is.
    public mutating func set(_ key: String, _ value: YAMLValue, comment: String? = nil) {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].value = value
            if comment != nil { entries[index].comment = comment }
        } else {
            entries.append(Entry(key: key, value: value, comment: comment))
        }
    }

    /// Removes the entry for `key`, if any, keeping the order of the others.
    public mutating func removeValue(forKey key: String) {
        entries.removeAll { $0.key == key }
    }
}
