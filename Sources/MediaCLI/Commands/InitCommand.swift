import Foundation
import MediaConfig
import MediaKit
import MediaYAML

/// `mediactl init [APP…] [--gateway] [--force]`: writes a commented starter `mediactl.yaml` (at `--config`, else in the
/// current folder), listing the given catalog services or PRODUCT.md's minimal stack.
struct InitCommand {
    let invocation: Invocation
    let terminal: Terminal

    func run() -> Int32 {
        let context = terminal.context
        let path = invocation.value("--config") ?? ConfigLocator.fileName
        var url = context.resolve(path)
        var display = DiagnosticFormatter.escaped(path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url.appendPathComponent(ConfigLocator.fileName)
            display = (display.hasSuffix("/") ? display : display + "/") + ConfigLocator.fileName
        }
        var apps: [ServiceID] = []
        for name in invocation.arguments {
            guard let entry = Catalog.entry(for: ServiceID(rawValue: name)) else {
                let near = NameSuggestion.nearest(to: name, in: Catalog.ids.map(\.rawValue))
                terminal.error(
                    "'\(name)' is not in the catalog" + (near.map { "; did you mean '\($0)'?" } ?? "")
                        + " (see 'mediactl catalog')")
                return ExitStatus.failure
            }
            if entry.spec == nil {
                terminal.error("mediactl cannot render '\(name)' yet; pick another service or add it by hand")
                return ExitStatus.failure
            }
            if !apps.contains(entry.id) { apps.append(entry.id) }
        }
        // A link counts as there, even one that leads nowhere.
        if FileSystem.kind(of: url.path) != nil, !invocation.has("--force") {
            terminal.error("'\(display)' already exists; pass --force to replace it")
            return ExitStatus.failure
        }
        let text = StarterConfig.text(
            apps: apps.isEmpty ? StarterConfig.defaultApps : apps,
            exposure: invocation.has("--gateway") ? .gateway : .ingress)
        guard ConfigSession.writeConfig(text, to: url.path, display: display, terminal) else {
            return ExitStatus.failure
        }
        if !terminal.isQuiet {
            terminal.output("wrote \(display); next: edit it, then run 'mediactl render'\n")
        }
        return ExitStatus.success
    }
}
