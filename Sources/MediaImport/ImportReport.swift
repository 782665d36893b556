import MediaYAML

/// What `mediactl import` did with each app folder, and why: the report it prints (as text, or as data for
/// `--format json`).
public struct ImportReport: Hashable, Sendable {
    /// What happened to one app.
    public enum Outcome: String, Hashable, Sendable {
        /// Written into `mediactl.yaml`; `render` takes its files over.
        case adopted
        /// Left hand-written, for the reasons given.
        case refused
        /// Already in `mediactl.yaml` (a second import changes nothing).
        case skipped
    }

    /// One app.
    public struct App: Hashable, Sendable {
        /// The app's name.
        public var name: String
        /// Its namespace.
        public var namespace: String
        /// The app folder, relative to the repository root.
        public var folder: String
        /// What happened to it.
        public var outcome: Outcome
        /// What became a key, one line each.
        public var keys: [String] = []
        /// The paths under `values:` that import wrote (`controllers.sonarr.pod`, `persistence.scripts`…).
        public var values: [String] = []
        /// Files that stay hand-written and listed (`extraResources`).
        public var kept: [String] = []
        /// Files `render` replaces.
        public var adopted: [String] = []
        /// Files whose content moved into the config and that are no longer listed: delete them after `render`.
        public var unlisted: [String] = []
        /// What mediactl's defaults add when it renders the app (facts the original did not have).
        public var added: [String] = []
        /// Why the app stays hand-written (refused), or why it is skipped.
        public var reasons: [ImportDiagnostic] = []
        /// What the user should know about an adopted app.
        public var warnings: [ImportDiagnostic] = []
    }

    /// Every app found, sorted by folder.
    public var apps: [App] = []
    /// Stack-level settings import chose, one line each (`chart.version: 4.1.1 (the files pin 4.4.0)`).
    public var settings: [String] = []

    /// The report as text, for the terminal.
    public var text: String {
        var lines: [String] = []
        let adopted = apps.filter { $0.outcome == .adopted }.count
        let refused = apps.filter { $0.outcome == .refused }.count
        let skipped = apps.filter { $0.outcome == .skipped }.count
        lines.append("import: \(adopted) adopted, \(refused) left hand-written, \(skipped) already in mediactl.yaml")
        for setting in settings { lines.append("  setting: \(setting)") }
        for app in apps {
            lines.append("")
            lines.append("\(app.namespace)/\(app.name) (\(app.folder)): \(Self.words(app.outcome))")
            for key in app.keys { lines.append("  key: \(key)") }
            for value in Self.grouped(app.values) { lines.append("  values: \(value)") }
            for file in app.kept { lines.append("  kept: \(file)") }
            for file in app.unlisted {
                lines.append("  no longer listed: \(file) (its content is in the config; delete it after render)")
            }
            for fact in app.added { lines.append("  mediactl adds: \(fact)") }
            for warning in app.warnings { lines.append("  warning: \(warning.located)") }
            for reason in app.reasons {
                lines.append("  \(app.outcome == .refused ? "refused" : "note"): \(reason.located)")
            }
        }
        // Folder names, paths and values come from the repository: control and bidi characters are shown escaped.
        return lines.map(DiagnosticFormatter.escaped).joined(separator: "\n") + "\n"
    }

    /// Value paths grouped by the mapping that holds them: `a.b.c`, `a.b.d (removed)` → `a.b: c, d (removed)`.
    static func grouped(_ paths: [String]) -> [String] {
        var order: [String] = []
        var leaves: [String: [String]] = [:]
        for path in paths {
            let parts = path.split(separator: ".", omittingEmptySubsequences: false)
            let parent = parts.count > 1 ? parts.dropLast().joined(separator: ".") : ""
            let leaf = parts.count > 1 ? String(parts[parts.count - 1]) : path
            if leaves[parent] == nil { order.append(parent) }
            leaves[parent, default: []].append(leaf)
        }
        return order.map { parent in
            let list = (leaves[parent] ?? []).joined(separator: ", ")
            return parent.isEmpty ? list : "\(parent): \(list)"
        }
    }

    private static func words(_ outcome: Outcome) -> String {
        switch outcome {
        case .adopted: "adopted"
        case .refused: "left hand-written"
        case .skipped: "already in mediactl.yaml"
        }
    }
}
