/// How an app appears on a dashboard that reads Ingress annotations (Hajimari, Homepage).
public struct DashboardSettings: Hashable, Sendable {
    /// The icon name, such as `bookshelf`.
    public var icon: String?
    /// The group the app is listed under.
    public var group: String?

    /// Creates settings.
    public init(icon: String? = nil, group: String? = nil) {
        self.icon = icon
        self.group = group
    }
}
