/// Where an app folder is: `<appsDir>/<namespace>/<name>`.
struct AppLocation: Hashable, Sendable {
    /// The folder of namespaces.
    var appsDir: String
    /// The namespace folder's name.
    var namespace: String
    /// The app folder's name.
    var name: String

    /// The app folder.
    var folder: String { "\(appsDir)/\(namespace)/\(name)" }
}
