/// A scheduled run of the service's image beside its long-running controller, such as
/// plex-trakt-sync's daily `sync`.
public struct CronJobSpec: Hashable, Sendable {
    /// The controller's name suffix: the CronJob is called `<app>-<name>`.
    public var name: String
    /// A cron schedule or macro (`@daily`).
    public var schedule: String
    /// The container's arguments.
    public var arguments: [String]

    /// Creates a CronJob spec.
    public init(name: String, schedule: String, arguments: [String]) {
        self.name = name
        self.schedule = schedule
        self.arguments = arguments
    }
}
