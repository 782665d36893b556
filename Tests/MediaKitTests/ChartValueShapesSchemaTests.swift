import Foundation
import MediaKit
import MediaTestSupport
import Testing

/// mediactl's description of the chart's values (``ChartValueShapes``) against the chart's own values schemas in
/// `../shared/schemas/bjw-s/` (next to the package root), so that the two cannot drift apart.
@Suite("chart value shapes against the chart's schemas")
struct ChartValueShapesSchemaTests {
    /// `../shared/schemas/bjw-s` from the package root.
    static let schemas = Fixtures.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/schemas/bjw-s")

    /// The schema set each supported version is compared with: 5.1.0 with the pre-release 5.x snapshot.
    static func schemaVersion(of version: ChartSettings.Version) -> String {
        version == .v5_1_0 ? "5.0.0-pre" : version.rawValue
    }

    /// The description of `version` compared with its schema set.
    static func comparison(_ version: ChartSettings.Version) throws -> ShapeComparison {
        let schema = ChartSchema(folder: schemas)
        var comparison = ShapeComparison(schema: schema, major: version.major)
        try comparison.compare(
            ChartValueShapes.root(for: version), [schema.root(version: schemaVersion(of: version))], "")
        return comparison
    }

    @Test("the schemas are there", arguments: ChartSettings.Version.allCases)
    func schemasPresent(version: ChartSettings.Version) {
        let file = Self.schemas.appendingPathComponent(
            "app-template-\(Self.schemaVersion(of: version))/values.schema.json")
        #expect(FileManager.default.fileExists(atPath: file.path), "missing \(file.path)")
    }

    @Test(
        "every described key is in the schema with a compatible type, and every schema key is described",
        arguments: ChartSettings.Version.allCases)
    func agree(version: ChartSettings.Version) throws {
        let comparison = try Self.comparison(version)
        for failure in comparison.failures { Issue.record(Comment(rawValue: "\(version.rawValue): \(failure)")) }
    }

    /// Where the description is knowingly stricter than the schema (the schema says nothing, or any string):
    /// a controller's `strategy` is an enumeration in the chart's templates; a Job's `completions` and
    /// `completionMode`, a NetworkPolicy's `podSelector` and a Service's `extraSelectorLabels` are `{}` in the
    /// schema and described as Kubernetes and the chart's templates read them.
    static let stricter: Set<String> = [
        "controllers.*.strategy",
        "controllers.*.job.completions",
        "controllers.*.job.completionMode",
        "networkpolicies.*.podSelector",
        "service.*.extraSelectorLabels",
    ]

    @Test(
        "the description is stricter than the schema only where it says so", arguments: ChartSettings.Version.allCases)
    func stricter(version: ChartSettings.Version) throws {
        #expect(try Self.comparison(version).stricter == Self.stricter)
    }

    /// The keys of app-template 5.1.0 that the pre-release schema lacks (`ChartValueShapes+Release5.swift`).
    static let releaseOnly: Set<String> = [
        "global.createDefaultServiceAccount",
        "podMonitor",
        "externalSecrets",
        "defaultExternalSecretStoreRef",
        "listenerSet",
        "listenerSets",
        "ciliumNetworkPolicies",
        "rawResources.*.manifest",
        "persistence.*[type=ephemeral]",
        "controllers.*.containers.*.resizePolicy",
        "controllers.*.initContainers.*.resizePolicy",
        "controllers.*.pod.resizePolicy",
        "defaultPodOptions.resizePolicy",
    ]

    @Test("release-only keys are exactly the listed ones, and only in 5.x", arguments: ChartSettings.Version.allCases)
    func releaseOnly(version: ChartSettings.Version) throws {
        #expect(try Self.comparison(version).releaseOnly == (version.major == 5 ? Self.releaseOnly : []))
    }

    @Test(
        "only a container's SecurityContext has keys newer than the chart's copy of Kubernetes",
        arguments: ChartSettings.Version.allCases)
    func kubernetesOnly(version: ChartSettings.Version) throws {
        let expected = ["containers.*", "initContainers.*", "defaultContainerOptions"].flatMap { owner in
            ["appArmorProfile", "windowsOptions"].map { "controllers.*.\(owner).securityContext.\($0)" }
        }
        #expect(try Self.comparison(version).kubernetesOnly == Set(expected))
    }
}
