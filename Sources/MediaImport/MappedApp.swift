import MediaKit
import MediaYAML

/// One app as ``AppMapper`` maps it: its `mediactl.yaml` entry, what of its values no key says (from which the
/// `values:` escape hatch is computed against what mediactl renders), and the fate of each of its files.
struct MappedApp: Sendable {
    /// The app's name.
    var name: String
    /// The app as it was read.
    var app: HandWrittenApp
    /// The app's entry under `apps:`, keys in the order `Docs/Config.md` lists them, without `values`.
    var entry: YAMLMapping
    /// The original values with mediactl's identifiers (controller = the app, main container, Service and route
    /// = `app`) and without what the entry's keys describe.
    var remaining: YAMLNode
    /// Paths in ``remaining`` whose value replaces what mediactl renders there instead of merging into it (a probe
    /// that checks something else).
    var exactPaths: [[String]]
    /// Files `render` replaces: the Flux Kustomization, the app's `kustomization.yaml`, the HelmRelease, the chart
    /// source, the config claim (relative to the repository root).
    var adopted: [String]
    /// Files that stay hand-written and listed (`extraResources`, relative to the app's `app/` folder).
    var kept: [String]
    /// Files whose content moved into the config and that no longer are listed (relative to the repository root).
    var unlisted: [String]
    /// What became a key, one line each, for the report.
    var notes: [String]
    /// What the user should know: a selector that changes, a chart version mediactl does not have.
    var warnings: [ImportDiagnostic]
}
