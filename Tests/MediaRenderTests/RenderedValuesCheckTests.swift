import Foundation
import MediaConfig
import MediaKit
import MediaTestSupport
import MediaYAML
import Testing

@testable import MediaRender

/// The real values pass the `values:` check: what users write in the shipped configs, and every HelmRelease values
/// mapping mediactl itself renders for every example and render fixture, on every supported chart version (the
/// rendered values are meant to be what the chart accepts, so a failure here is a rendering defect or a mistake
/// in ``ChartValueShapes``).
@Suite("values of the shipped configs against the chart's values")
struct RenderedValuesCheckTests {
    /// Each shipped config with each chart version.
    static let cases: [(URL, ChartSettings.Version)] = RenderPropertyTests.configs.flatMap { config in
        ChartSettings.Version.allCases.map { (config, $0) }
    }

    /// The config's folder name, for messages.
    static func name(_ config: URL) -> String {
        config.deletingLastPathComponent().lastPathComponent
    }

    @Test("the values users wrote pass for every chart version", arguments: cases)
    func userValues(config: URL, version: ChartSettings.Version) throws {
        let text = try #require(Fixtures.text(config))
        let root = try #require(YAMLReader().read(text).root)
        for app in root.pairs?.first(where: { $0.keyText == "apps" })?.value.pairs ?? [] {
            guard let values = app.value.pairs?.first(where: { $0.keyText == "values" })?.value else { continue }
            let found = ValuesChecker.diagnostics(values: values, version: version, app: app.keyText)
            #expect(found.isEmpty, "\(Self.name(config)): \(found.map(\.message))")
        }
    }

    @Test("the shipped configs render HelmReleases to check")
    func enoughReleases() throws {
        let releases = try RenderPropertyTests.configs.map { config in
            try Renderer(stack: RenderPropertyTests.stack(config)).render().filter {
                $0.path.hasSuffix("/helmrelease.yaml")
            }
            .count
        }
        #expect(releases.reduce(0, +) >= 50)
    }

    @Test("every rendered HelmRelease's values pass", arguments: cases)
    func renderedValues(config: URL, version: ChartSettings.Version) throws {
        var stack = try RenderPropertyTests.stack(config)
        stack.chart.version = version
        for file in Renderer(stack: stack).render() where file.path.hasSuffix("/helmrelease.yaml") {
            let root = try #require(YAMLReader().read(file.contents).root, "\(file.path) reads back")
            let spec = root.pairs?.first { $0.keyText == "spec" }?.value
            let values = try #require(spec?.pairs?.first { $0.keyText == "values" }?.value, "\(file.path) has values")
            let app = file.path.split(separator: "/").dropLast(2).last.map(String.init) ?? file.path
            for diagnostic in ValuesChecker.diagnostics(values: values, version: version, app: app) {
                let place = "\(file.path):\(diagnostic.position.map(\.description) ?? "?")"
                Issue.record("\(Self.name(config)) on \(version.rawValue): \(place): \(diagnostic.message)")
            }
        }
    }
}
