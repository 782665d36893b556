/// Where an app folder is: `<appsDir>/<namespace>/<name>`.
struct AppLocation: Hashable, Sendable {
    var appsDir: String
    var namespace: String
    var name: String

    var folder: String { "\(appsDir)/\(namespace)/\(name)" }
}
