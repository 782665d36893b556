/// Infrastructure a service cannot run without. mediactl renders a cache itself (a Valkey companion) and
/// reads database credentials from the Secret `<app>-database`, which the user provides.
public enum ServiceNeed: String, CaseIterable, Hashable, Sendable {
    /// A PostgreSQL database (Immich needs the vector extension).
    case postgresql
    /// A Redis-compatible cache, rendered as a Valkey companion.
    case redis
    /// A MongoDB database.
    case mongodb

    /// Whether the app reads credentials for it from `<app>-database`.
    public var isDatabase: Bool { self != .redis }
}
