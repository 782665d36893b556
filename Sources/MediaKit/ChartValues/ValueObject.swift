/// The keys of a mapping in the chart's values that has a fixed set of keys, and the shape of each.
public struct ValueObject: Sendable {
    /// The shape of the value of each key.
    public private(set) var fields: [String: ValueShape]
    /// Keys that app-template 5.1.0 accepts but the pre-release 5.x schema mediactl is compared with lacks
    /// (``ChartValueShapes`` lists them); a test exempts exactly these from the comparison.
    public private(set) var releaseOnlyKeys: Set<String> = []

    /// An object with exactly these keys.
    public init(_ fields: [String: ValueShape]) { self.fields = fields }

    /// The keys, sorted by UTF-8 bytes (for messages and suggestions: ties go to the first).
    public var keys: [String] { fields.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }

    /// Adds keys; a key already present gets the new shape.
    public mutating func add(_ more: [String: ValueShape]) {
        fields.merge(more) { _, new in new }
    }

    /// Adds keys that only the released 5.x chart has (see ``releaseOnlyKeys``).
    public mutating func addReleaseOnly(_ more: [String: ValueShape]) {
        add(more)
        releaseOnlyKeys.formUnion(more.keys)
    }
}
