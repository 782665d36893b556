/// A mapping whose keys depend on the value of one key, the discriminator: a persistence item's keys depend
/// on its `type`.
///
/// `values:` are merged over the values mediactl renders, so a user's item often has no discriminator of its
/// own (it changes a rendered item). Without one, every key of every variant is accepted.
public struct ValueVariants: Sendable {
    /// The key whose value picks the variant (`type`).
    public let key: String
    /// The keys of each variant by the discriminator's value, the discriminator itself included.
    public let variants: [String: ValueObject]
    /// Discriminator values of variants that only the released 5.x chart has (see
    /// ``ValueObject/releaseOnlyKeys``).
    public let releaseOnlyVariants: Set<String>
    /// Every key of every variant, for an item without a discriminator.
    public let union: ValueObject

    /// Variants picked by `key`; the discriminator key is added to each variant as the choice of all values.
    /// The first variant that has a key gives its shape in ``union``.
    public init(key: String, _ variants: [(String, ValueObject)], releaseOnly: Set<String> = []) {
        let choice = ValueShape.choice(variants.map(\.0))
        var byValue: [String: ValueObject] = [:]
        var union = ValueObject([:])
        for (value, object) in variants {
            var object = object
            object.add([key: choice])
            byValue[value] = object
            union.add(object.fields.filter { union.fields[$0.key] == nil })
        }
        self.key = key
        self.variants = byValue
        self.releaseOnlyVariants = releaseOnly
        self.union = union
    }

    /// The discriminator's values in the order the chart lists them.
    public var values: [String] {
        if case .choice(let values)? = union.fields[key] { return values }
        return []
    }
}
