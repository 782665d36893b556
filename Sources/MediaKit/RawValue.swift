/// A value of the `values:` escape hatch: raw app-template values the user writes, typed the way the
/// decoder types untyped YAML (strict booleans, plain decimal integers, null; everything else is a
/// string).
public indirect enum RawValue: Hashable, Sendable {
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int)
    /// `true` or `false`.
    case boolean(Bool)
    /// An explicit null, which removes a rendered value when merged.
    case null
    /// A list.
    case list([RawValue])
    /// A map; emitted sorted by key.
    case map([String: RawValue])

    /// `override` merged over `self`: maps merge key by key (recursively), anything else is replaced.
    public func merging(_ override: RawValue) -> RawValue {
        guard case .map(let base) = self, case .map(let top) = override else { return override }
        return .map(base.merging(top) { old, new in old.merging(new) })
    }
}
