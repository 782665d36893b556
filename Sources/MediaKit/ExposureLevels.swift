/// A value for each level an app can be exposed at, `internal` and `external`, read and set through an
/// ``Exposure`` like a dictionary; `none` never has one.
///
/// Not an `[Exposure: Value]`: the first dictionary keyed by `Exposure` a process builds has the runtime
/// scan every loaded library's protocol conformances, 0.36 M instructions, a sixth of decoding a 40-app
/// config.
public struct ExposureLevels<Value>: ExpressibleByDictionaryLiteral {
    /// The value for `internal`.
    public var `internal`: Value?
    /// The value for `external`.
    public var external: Value?

    /// Values for the two levels.
    public init(internal: Value? = nil, external: Value? = nil) {
        self.internal = `internal`
        self.external = external
    }

    /// Values by level, as in `[.internal: "internal", .external: "external"]`; a value for `none` is
    /// dropped.
    public init(dictionaryLiteral elements: (Exposure, Value)...) {
        for (level, value) in elements { self[level] = value }
    }

    /// The value for `level`; nil for `none`, and setting `none` changes nothing.
    public subscript(level: Exposure) -> Value? {
        get {
            switch level {
            case .internal: `internal`
            case .external: external
            case .none: nil
            }
        }
        set {
            switch level {
            case .internal: `internal` = newValue
            case .external: external = newValue
            case .none: break
            }
        }
    }
}

extension ExposureLevels: Equatable where Value: Equatable {}
extension ExposureLevels: Hashable where Value: Hashable {}
extension ExposureLevels: Sendable where Value: Sendable {}
