/// How an app appears on Hajimari, the dashboard that lists apps from their Ingress annotations (seed 001).
/// Homepage reads its own `gethomepage.dev/*` annotations, which mediactl does not write yet.
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
