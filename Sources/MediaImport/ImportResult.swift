/// What `mediactl import` would do, decided in memory: the CLI prints the report and writes the config and the
/// adoption record (or, with `--dry-run`, only shows them).
public struct ImportResult: Sendable {
    /// Problems that stop the import before anything is decided (a hand-written file that does not parse, a
    /// config with errors, a folder that holds no app): nothing is written.
    public var errors: [ImportDiagnostic] = []
    /// The new text of `mediactl.yaml`; nil when it does not change.
    public var configText: String?
    /// The files `render` may replace, with the SHA-256 of the bytes import read; empty when nothing is adopted.
    public var record = AdoptionRecord()
    /// What happened to each app.
    public var report = ImportReport()
}
