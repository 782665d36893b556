/// What one value in `mediactl.yaml` may be, as far as its shape goes: the part of the decoder's rules that a JSON
/// Schema can state (``ConfigSchema``). The decoder checks more (paths, host names, cron, references between
/// sections); every value it accepts has this shape.
///
/// Scalars follow the decoder: a string field takes any scalar as its text (`1000`, `true` and `1.5` included,
/// with a warning where other tools would read them differently), booleans are `true`/`false` only, integers are
/// whole numbers, and an empty value or `null` leaves any optional key at its default.
package indirect enum ConfigShape: Sendable {
    /// A non-empty string (any scalar, as its text).
    case string
    /// A DNS-1123 label: 1–63 lowercase letters, digits and `-`, starting and ending with a letter or digit.
    case name
    /// A Kubernetes quantity such as `500m` or `1.5Gi` (a plain whole number too).
    case quantity
    /// A whole number in the range.
    case integer(ClosedRange<Int>)
    /// `true` or `false`.
    case boolean
    /// Exactly `false`: the "off" of a key that otherwise takes something else.
    case off
    /// One of these words (`true` and `false` are the booleans).
    case choice([String])
    /// Exactly this number.
    case constant(Int)
    /// A mapping with these keys.
    case mapping(ConfigTable)
    /// A mapping with exactly one of these keys.
    case oneKeyOf(ConfigTable)
    /// A mapping whose keys the user chooses, following `keys`, each value of this shape.
    case map(ConfigShape, keys: KeyRule)
    /// A list of values of this shape, at least one when `nonEmpty`.
    case list(ConfigShape, nonEmpty: Bool)
    /// Any of these shapes.
    case either([ConfigShape])
    /// Any mapping: the app-template values, checked against the chart instead (``ValuesChecker``).
    case anyMapping
    /// A value of this shape, or nothing (an app written as `plex:`, with every default).
    case orEmpty(ConfigShape)

    /// What the keys of a ``map(_:keys:)`` must be.
    package enum KeyRule: Sendable {
        /// Any text (environment variables, labels, annotations).
        case any
        /// DNS-1123 labels (volume names).
        case names
        /// App names: DNS-1123 labels that start with a letter, at most 53 characters (``ConfigDecoder``).
        case appNames
    }

    /// The enumeration of a `RawRepresentable` type's raw values, in declaration order.
    static func choice<Choice: RawRepresentable & CaseIterable>(of type: Choice.Type) -> ConfigShape
    where Choice.RawValue == String {
        .choice(type.allCases.map(\.rawValue))
    }
}
