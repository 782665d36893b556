import MediaKit
import MediaTestSupport
import MediaYAML
import Testing

@testable import MediaConfig

/// The `values:` check's own rules, beside the fixtures in `Fixtures/config-errors/values-*.yaml`.
@Suite("values check")
struct ValuesCheckerTests {
    /// The diagnostics of a config whose only app, `plex`, has `values` (indented six spaces).
    static func messages(_ values: String, chart: String = "4.1.1") -> [String] {
        let text = "version: 1\nchart: {version: \(chart)}\napps:\n  plex:\n    values:\n" + values
        return ConfigLoader.load(text: text).diagnostics.map(\.message)
    }

    @Test("scalars are typed as the decoder types values: the same integers, booleans and strings")
    func kindsAgreeWithTheDecoder() {
        var generator = SeededGenerator(seed: 22)
        let alphabet = Array("0123456789-+_.exfalsetru ")
        var samples = [
            "0", "-0", "00", "007", "-", "", "1", "-1", "123456789012345678", "1234567890123456789", "true",
            "false", "True", "٣", "1e3", "0x1F", "+1", "1_000",
        ]
        for _ in 0..<5_000 {
            samples.append(
                String(
                    (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                        alphabet.randomElement(using: &generator) ?? "0"
                    }))
        }
        for text in samples {
            let decoded: ScalarKinds =
                text == "true" || text == "false"
                ? .boolean : ConfigDecoder.isCanonicalInteger(text) ? .integer : .string
            #expect(ValuesChecker.kind(of: YAMLScalar(text: text, style: .plain)) == decoded, "\(text)")
            #expect(ValuesChecker.kind(of: YAMLScalar(text: text, style: .singleQuoted)) == .string)
        }
    }

    @Test("a null fits anywhere: it removes a rendered key")
    func nullFits() {
        #expect(
            Self.messages("      controllers: {plex: {strategy: ~, replicas: null, pod: ~}}\n      service: ~\n")
                .isEmpty)
    }

    @Test("a Flux substitution fits where a number, a boolean or a choice is expected; Helm template text does not")
    func substitutions() {
        let values = """
                  controllers:
                    plex:
                      replicas: ${REPLICAS}
                      strategy: ${STRATEGY:=Recreate}
                      enabled: '${PLEX_ENABLED}'
                      annotations: {owner: '{{ .Release.Name }}'}
                      pod: {terminationGracePeriodSeconds: '{{ .Values.grace }}'}

            """
        #expect(
            Self.messages(values) == [
                "expected a whole number for 'values.controllers.plex.pod.terminationGracePeriodSeconds' "
                    + "in app 'plex', "
                    + "found '{{ .Values.grace }}'"
            ])
    }

    @Test("identifiers the user chooses are free names; the keys below them are checked")
    func freeNames() {
        let values = """
                  controllers:
                    any-name: {containers: {whatever: {image: {repository: x, tag: 1}}}}
                  persistence:
                    some-volume: {type: emptyDir, medium: Memory}
                  ingress:
                    x: {annotations: {nginx.ingress.kubernetes.io/proxy-body-size: '0'}}

            """
        #expect(Self.messages(values).isEmpty)
        #expect(
            Self.messages("      controllers: {any-name: {containers: {whatever: {imag: {}}}}}\n") == [
                "unknown key 'imag' in 'values.controllers.any-name.containers.whatever' in app 'plex' "
                    + "(app-template 4.1.1); did you mean 'image'?"
            ])
    }

    @Test("a persistence item without a type takes the keys of every type; with one, the keys of that type")
    func persistenceTypes() {
        #expect(Self.messages("      persistence: {config: {existingClaim: x, server: nas}}\n").isEmpty)
        #expect(
            Self.messages("      persistence: {config: {type: emptyDir, server: nas}}\n") == [
                "unknown key 'server' for type 'emptyDir' in 'values.persistence.config' in app 'plex' "
                    + "(app-template 4.1.1); expected one of 'advancedMounts', 'enabled', 'globalMounts', 'medium', "
                    + "'sizeLimit', 'type'"
            ])
    }

    @Test("the chart version decides: the default, a key 5.x added, and no check under an unsupported version")
    func versions() {
        let budget = "      controllers: {plex: {podDisruptionBudget: {maxUnavailable: 1}}}\n"
        #expect(Self.messages(budget, chart: "5.1.0").isEmpty)
        #expect(Self.messages(budget, chart: "4.1.1").count == 1)
        let defaulted = ConfigLoader.load(text: "version: 1\napps:\n  plex:\n    values:\n" + budget)
        #expect(defaulted.diagnostics.map(\.message) == Self.messages(budget, chart: ChartSettings().version.rawValue))
        let unsupported = Self.messages("      controller: {}\n", chart: "6.0.0")
        #expect(unsupported.count == 1 && unsupported[0].hasPrefix("expected one of '5.1.0'"), "\(unsupported)")
    }

    @Test("an error on a value replaces the decoder's warning there; elsewhere the warning stays")
    func warningsSuperseded() {
        let values = "      controllers: {plex: {enabled: yes, annotations: {a: yes}}}\n"
        let diagnostics = ConfigLoader.load(
            text: "version: 1\nchart: {version: 4.1.1}\napps:\n  plex:\n    values:\n" + values
        ).diagnostics
        #expect(diagnostics.map(\.severity) == [.error, .warning])
        #expect(
            diagnostics.first?.message.hasPrefix("expected true or false for 'values.controllers.plex.enabled'") == true
        )
        #expect(diagnostics.last?.message.hasPrefix("plain 'yes' for") == true)
    }

    @Test("user text in messages stays on one line and cannot reach the terminal as an escape sequence")
    func escapedText() {
        let messages = Self.messages(
            "      \"\\e[2Jwipe\\nline\": 1\n      controllers: {plex: {replicas: \"\\e[31m\u{85}\"}}\n")
        #expect(
            messages == [
                "unknown key '\\u{1B}[2Jwipe\\nline' in 'values' in app 'plex' (app-template 4.1.1)",
                "expected a whole number for 'values.controllers.plex.replicas' in app 'plex', "
                    + "found '\\u{1B}[31m\\u{85}'",
            ])
        #expect(
            messages.allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
    }
}
