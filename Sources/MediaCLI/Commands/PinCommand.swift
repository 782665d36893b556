import Foundation
import MediaConfig
import MediaKit
import MediaRender
import MediaYAML

/// `mediactl pin [APP…] [--dry-run]`: writes the catalog defaults the apps use into `mediactl.yaml` as explicit
/// pins (each app's `image: repository:tag@digest`, and `chart.version`), where Renovate's preset finds and bumps
/// them. Every other line stays byte-identical, and the rendered tree does not change: the command checks both
/// before it writes.
struct PinCommand {
    let invocation: Invocation
    let terminal: Terminal

    /// One pin the edit adds.
    private struct Pin {
        /// `chart.version`, or the app's name.
        let place: String
        /// The value written.
        let value: String
    }

    func run() -> Int32 {
        guard let session = ConfigSession.open(invocation, terminal), let stack = session.validStack(terminal),
            let root = session.result.root
        else { return ExitStatus.failure }
        let names = invocation.arguments.isEmpty ? stack.apps.map(\.name.rawValue) : invocation.arguments
        guard session.hasApps(names, in: stack, terminal) else { return ExitStatus.failure }
        guard let (text, pins, expected) = edit(session: session, root: root, stack: stack, names: names) else {
            return ExitStatus.failure
        }
        guard !pins.isEmpty else {
            if !terminal.isQuiet {
                terminal.output(
                    "nothing to pin in \(session.location.displayPath): it states chart.version and the image of "
                        + (invocation.arguments.isEmpty ? "every app" : "each app named") + "\n")
            }
            return ExitStatus.success
        }
        // The edit may only add the pins, and the pins may only state what mediactl renders anyway.
        guard let pinned = ConfigLoader.load(text: text).stack, pinned == expected,
            Renderer(stack: pinned, configPath: session.pathInRepository).render()
                == Renderer(stack: stack, configPath: session.pathInRepository).render()
        else {
            terminal.error("internal error: the pinned config does not render the same tree; nothing written")
            return ExitStatus.failure
        }
        if invocation.has("--dry-run") {
            let path = session.location.displayPath
            terminal.output(
                UnifiedDiff(oldName: "a/\(path)", newName: "b/\(path)").text(from: session.source, to: text))
            return ExitStatus.success
        }
        guard
            ConfigSession.writeConfig(
                text, to: session.location.url.path, display: session.location.displayPath, terminal)
        else { return ExitStatus.failure }
        report(pins, session: session)
        return ExitStatus.success
    }

    /// The config's text with the pins added, the pins, and the stack it must decode to; nil after printing why
    /// an edit could not be made.
    private func edit(
        session: ConfigSession, root: YAMLNode, stack: Stack, names: [String]
    ) -> (text: String, pins: [Pin], expected: Stack)? {
        var text = session.source
        var tree = root
        var pins: [Pin] = []
        var expected = stack
        do throws(ConfigEditor.Failure) {
            if root.pairs?.first(where: { $0.keyText == "chart" })?.value.pairs?.contains(where: {
                $0.keyText == "version"
            }) != true {
                text = try ConfigEditor(source: text, root: tree).addingChartVersion(stack.chart.version.rawValue)
                pins.append(Pin(place: "chart.version", value: stack.chart.version.rawValue))
            }
            for index in expected.apps.indices where names.contains(expected.apps[index].name.rawValue) {
                let app = expected.apps[index]
                // A proxy runs nothing; an app outside the catalog states its image already.
                guard app.image == nil, app.proxy == nil, let image = app.catalogEntry?.spec?.image else { continue }
                guard let reread = YAMLReader().read(text).root else { break }
                tree = reread
                text = try ConfigEditor(source: text, root: tree).addingImage(image.description, to: app.name.rawValue)
                expected.apps[index].image = image
                pins.append(Pin(place: app.name.rawValue, value: image.description))
            }
        } catch {
            let location = error.position.map { ":\($0)" } ?? ""
            terminal.diagnostic(
                DiagnosticFormatter.escaped("\(session.location.displayPath)\(location): error: \(error.message)")
                    + "\n")
            return nil
        }
        return (text, pins, expected)
    }

    private func report(_ pins: [Pin], session: ConfigSession) {
        guard !terminal.isQuiet else { return }
        terminal.output("pinned \(Plural.count(pins.count, "default")) in \(session.location.displayPath):\n")
        let width = pins.map(\.place.count).max() ?? 0
        for pin in pins {
            terminal.output("  \(pin.place.padding(toLength: width, withPad: " ", startingAt: 0))  \(pin.value)\n")
        }
        terminal.output(
            "the rendered tree is unchanged; commit \(session.location.displayPath), and Renovate bumps the pins\n")
    }
}
