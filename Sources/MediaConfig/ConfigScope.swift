import MediaKit

/// Where in `mediactl.yaml` a decoder is, for messages: the owner ("app 'plex'") and the dotted path
/// of the keys above the current one inside it ("resources.requests.").
///
/// The texts are built only when a message needs them: most keys decode without one.
struct ConfigScope {
    /// The top level of the file.
    static let root = ConfigScope(app: nil)

    /// The app whose keys these are; nil outside `apps`.
    let app: AppName?
    /// The keys above the current one, outermost first.
    private var keys: [String] = []

    /// The keys of `app`, or the top level of the file when nil.
    init(app: AppName?) { self.app = app }

    /// What owns the keys, such as `app 'plex'`; nil at the top level.
    var owner: String? { app.map { "app '\($0)'" } }
    /// Keys above the current one, each followed by a dot.
    var keyPrefix: String { keys.map { $0 + "." }.joined() }
    /// Whether this is the top level of the file.
    var isTopLevel: Bool { app == nil && keys.isEmpty }

    /// The scope of the keys inside `key`.
    func nested(_ key: String) -> ConfigScope {
        var scope = self
        scope.keys.append(key)
        return scope
    }

    /// A key in this scope for messages: `'resources.requests.cpu' in app 'plex'`.
    func field(_ key: String) -> String {
        "'" + keyPrefix + key + "'" + (owner.map { " in " + $0 } ?? "")
    }

    /// The mapping this scope is inside, as a field: `'resources' in app 'plex'`.
    var selfField: String {
        "'" + String(keyPrefix.dropLast()) + "'" + (owner.map { " in " + $0 } ?? "")
    }

    /// This scope for messages about an unknown key: `app 'plex'`, `'repo'`, or `the top level`.
    var place: String {
        let path = keyPrefix.isEmpty ? nil : "'" + String(keyPrefix.dropLast()) + "'"
        switch (path, owner) {
        case (let path?, let owner?): return path + " in " + owner
        case (let path?, nil): return path
        case (nil, let owner?): return owner
        case (nil, nil): return "the top level"
        }
    }
}
