/// The shape of one value in the bjw-s app-template chart's values, as mediactl describes it to check the
/// `values:` a user writes (``ChartValueShapes``): which keys a mapping has, what kind of scalar a key takes,
/// which strings an enumeration allows.
///
/// An explicit null fits every shape: in values merged over others it removes a key.
public indirect enum ValueShape: Sendable {
    /// A scalar of one of these kinds.
    case scalar(ScalarKinds)
    /// A string that must be one of these (an enumeration), in the order the chart lists them.
    case choice([String])
    /// A list whose items all have the shape.
    case list(ValueShape)
    /// A mapping whose keys the user chooses (controller and container identifiers, labels, annotations,
    /// environment variable names, node selector keys); every value has the shape.
    case map(ValueShape)
    /// A mapping with a fixed set of keys.
    case object(ValueObject)
    /// A mapping whose keys depend on the value of one of them (persistence items by `type`).
    case variants(ValueVariants)
    /// One of several shapes, at most one for each kind of node (scalar, list, mapping): a string or a list
    /// of strings, for example.
    case either([ValueShape])
    /// Anything: a value mediactl does not describe (see ``ChartValueShapes`` for which ones are open).
    case open
}

extension ValueShape {
    /// Any string.
    public static let string = ValueShape.scalar(.string)
    /// A whole number.
    public static let integer = ValueShape.scalar(.integer)
    /// `true` or `false`.
    public static let boolean = ValueShape.scalar(.boolean)
    /// A whole number or a string (ports by number or name, quantities, percentages).
    public static let integerOrString = ValueShape.scalar([.integer, .string])
    /// A list of strings.
    public static let strings = ValueShape.list(.string)
    /// A mapping of names to strings (labels, annotations, node selectors, ConfigMap data).
    public static let stringMap = ValueShape.map(.string)
    /// A string or a list of strings (`args`, `command`, `dependsOn`).
    public static let stringOrStrings = ValueShape.either([.string, .strings])

    /// A string among `values`.
    public static func oneOf(_ values: String...) -> ValueShape { .choice(values) }

    /// A mapping with exactly the keys of `fields`.
    public static func object(_ fields: [String: ValueShape]) -> ValueShape { .object(ValueObject(fields)) }

    /// What a message says is expected here: `a mapping`, `a list`, `a string or a list`…
    public var expectation: String {
        switch self {
        case .scalar(let kinds): kinds.expectation
        case .choice: "a string"
        case .list: "a list"
        case .map, .object, .variants: "a mapping"
        case .either(let shapes): shapes.map(\.expectation).joined(separator: " or ")
        case .open: "anything"
        }
    }
}
