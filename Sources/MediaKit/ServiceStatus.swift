/// Where a service is in its life upstream.
public enum ServiceStatus: Hashable, Sendable {
    /// Maintained.
    case active
    /// Still works but is no longer developed; `replacedBy` is the successor to move to.
    case deprecated(replacedBy: ServiceID)
    /// Gone upstream (archived, images removed); kept so configs that name it get a clear message.
    case retired(replacedBy: ServiceID?)

    /// `active`, `deprecated` or `retired`.
    public var name: String {
        switch self {
        case .active: "active"
        case .deprecated: "deprecated"
        case .retired: "retired"
        }
    }

    /// The successor, when there is one.
    public var replacement: ServiceID? {
        switch self {
        case .active: nil
        case .deprecated(let replacedBy): replacedBy
        case .retired(let replacedBy): replacedBy
        }
    }
}
