import Foundation
import MediaConfig
import MediaKit
import MediaTestSupport
import MediaYAML
import Testing

/// The JSON Schema of `mediactl.yaml` against the decoder: the same keys at every mapping, both ways.
@Suite("config schema")
struct ConfigSchemaTests {
    /// The schema as JSON reads it back.
    static var schema: [String: Any] {
        let text = JSONEmitter().emit(.mapping(ConfigSchema.document()))
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// A step from a mapping to one of its values.
    enum Step: CustomStringConvertible {
        /// The value of a fixed key.
        case key(String)
        /// The value of a key the user chooses (an app, a volume), called this.
        case entry(String)
        /// The first item of a list.
        case item

        var description: String {
            switch self {
            case .key(let name), .entry(let name): name
            case .item: "[0]"
            }
        }
    }

    /// A mapping the schema describes with fixed keys, and where it is.
    struct Place {
        let path: [Step]
        let keys: Set<String>
    }

    /// Every mapping with fixed keys in `node`, found through properties, `anyOf` branches, map values and list
    /// items.
    static func places(in node: [String: Any], at path: [Step] = []) -> [Place] {
        var found: [Place] = []
        if let properties = node["properties"] as? [String: Any] {
            found.append(Place(path: path, keys: Set(properties.keys)))
            for (key, value) in properties {
                guard let child = value as? [String: Any] else { continue }
                found += places(in: child, at: path + [.key(key)])
            }
        }
        for branch in node["anyOf"] as? [[String: Any]] ?? [] { found += places(in: branch, at: path) }
        if let values = node["additionalProperties"] as? [String: Any] {
            let sample =
                path.last.map { "\($0)" } == "apps" ? "sonarr" : path.last.map { "\($0)" } == "secrets" ? "VAR" : "data"
            found += places(in: values, at: path + [.entry(sample)])
        }
        if let items = node["items"] as? [String: Any] { found += places(in: items, at: path + [.item]) }
        return found
    }

    /// A config whose mapping at `path` holds `key: value` (flow style), with `version` and `apps`.
    static func config(_ path: [Step], key: String, value: String) -> String {
        var text = "{\(key): \(value)}"
        for step in path.reversed() {
            switch step {
            case .key(let name), .entry(let name): text = "{\(name): \(text)}"
            case .item: text = "[\(text)]"
            }
        }
        var document = String(text.dropFirst().dropLast())
        if path.isEmpty { document = "\(key): \(value)" }
        let head = path.first.map { "\($0)" }
        if head != "version", !(path.isEmpty && key == "version") { document = "version: 1, " + document }
        if head != "apps", !(path.isEmpty && key == "apps") { document += ", apps: {}" }
        return "{\(document)}\n"
    }

    /// The messages of decoding `text`.
    static func messages(_ text: String) -> [String] {
        ConfigLoader.load(text: text).diagnostics.map(\.message)
    }

    @Test("the schema describes the mappings a config has, down to the volumes, secrets and mounts of an app")
    func coverage() {
        let paths = Set(Self.places(in: Self.schema).map { $0.path.map(\.description).joined(separator: ".") })
        for path in [
            "", "repo.source", "cluster.user", "exposure.gateways.internal", "storage.volumes.data.nfs",
            "storage.media", "backups.credentials.externalSecret", "networkPolicies", "apps.sonarr",
            "apps.sonarr.image", "apps.sonarr.secrets.VAR.secretRef", "apps.sonarr.mounts.[0]",
            "apps.sonarr.resources.limits", "apps.sonarr.proxy",
        ] {
            #expect(paths.contains(path), "no mapping at '\(path)'")
        }
    }

    @Test("at every mapping the decoder accepts exactly the keys the schema lists")
    func sameKeys() {
        let places = Self.places(in: Self.schema)
        #expect(places.count > 40)
        for place in places {
            // A key no table has: the decoder lists the keys it accepts there.
            let probe = "zzqzzqzz"
            let messages = Self.messages(Self.config(place.path, key: probe, value: "1"))
            let where_ = place.path.map(\.description).joined(separator: ".")
            guard
                let message = messages.first(where: {
                    $0.hasPrefix("unknown key '\(probe)'") || $0.hasPrefix("unknown top-level key '\(probe)'")
                }),
                let list = message.range(of: "; expected one of ")
            else {
                Issue.record("no unknown-key error for '\(probe)' at '\(where_)': \(messages)")
                continue
            }
            let accepted = Set(
                message[list.upperBound...].split(separator: ", ").map { $0.trimmingCharacters(in: ["'"]) })
            #expect(
                accepted == place.keys,
                "at '\(where_)': the decoder accepts \(accepted.sorted()), the schema \(place.keys.sorted())")
            // And each key the schema lists is one the decoder reads there.
            for key in place.keys {
                let found = Self.messages(Self.config(place.path, key: key, value: "~"))
                #expect(
                    !found.contains {
                        $0.contains("unknown key '\(key)'") || $0.contains("unknown top-level key '\(key)'")
                    }, "'\(key)' at '\(where_)'")
            }
        }
    }

    @Test("the defaults the schema states are the decoder's, and every key is in Docs/Config.md")
    func defaultsAndDocs() throws {
        let docs = try #require(Fixtures.text(Fixtures.packageRoot.appendingPathComponent("Docs/Config.md")))
        let stack = try #require(ConfigLoader.load(text: "version: 1\napps: {plex: }\n").stack)
        let properties = try #require(Self.schema["properties"] as? [String: Any])
        func defaultValue(_ path: String...) -> Any? {
            var node: Any? = ["properties": properties]
            for key in path { node = ((node as? [String: Any])?["properties"] as? [String: Any])?[key] }
            return (node as? [String: Any])?["default"]
        }
        #expect(defaultValue("namespace") as? String == stack.namespace)
        #expect(defaultValue("repo", "appsDir") as? String == stack.repo.appsDir)
        #expect(defaultValue("repo", "renovate") as? String == stack.repo.renovatePreset)
        #expect(defaultValue("repo", "schema") as? String == stack.repo.schema)
        #expect(defaultValue("cluster", "timezone") as? String == stack.cluster.timezone)
        #expect(defaultValue("chart", "version") as? String == stack.chart.version.rawValue)
        #expect(defaultValue("backups", "schedule") as? String == stack.backups.schedule)
        #expect(defaultValue("storage", "config", "size") as? String == stack.storage.config.size)
        // The words of Docs/Config.md's code spans (`cluster.user.uid`, `{daily, weekly, monthly}`…).
        let spans = docs.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        let words = Set(spans.flatMap { $0.split { !($0.isLetter || $0.isNumber) }.map(String.init) })
        for place in Self.places(in: Self.schema) {
            for key in place.keys { #expect(words.contains(key), "Docs/Config.md does not mention '\(key)'") }
        }
    }

    /// The diagnostics of the config-error fixtures that state a shape the schema states too.
    static let schemaLevel = [
        "^unknown key '", "^unknown top-level key '", "expected true or false for", "expected a whole number for",
        "expected a number from", "^expected one of '", "expected exactly one of", "^expected a mapping for",
        "^expected a list for", "expected a mapping with 'version'", "missing required key",
        "unsupported config version", "needs (?:a |an |both )?'[A-Za-z]+'", "is not a DNS-1123 label",
        "must be a DNS-1123 label", "must start with a letter: its Service", "is longer than 53 characters",
        "expected a quantity", "the file holds no settings", "expected true, false or a mapping",
        "expected false or a mapping", "lists no apps", "^expected a string for",
    ]

    @Test("Fixtures/config-errors/schema-rejects.txt lists exactly the fixtures with a schema-level mistake")
    func schemaLevelFixtures() throws {
        let directory = ConfigErrorFixtureTests.directory
        let list = try #require(Fixtures.text(directory.appendingPathComponent("schema-rejects.txt")))
        let listed = Set(list.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init))
        let patterns = try Self.schemaLevel.map { try Regex($0) }
        var found: Set<String> = []
        for name in ConfigErrorFixtureTests.cases {
            let golden = try #require(Fixtures.text(directory.appendingPathComponent(name + ".expected.txt")))
            let messages = golden.split(separator: "\n").compactMap { line in
                line.range(of: ": error: ").map { String(line[$0.upperBound...]) }
            }
            // `values` are checked against the chart, not the schema; a service outside the catalog is the
            // catalog's business.
            let shaped = messages.filter { message in
                !message.contains("'values") && !message.contains("outside the catalog")
                    && patterns.contains { message.contains($0) }
            }
            if !shaped.isEmpty { found.insert(name) }
        }
        #expect(
            listed == found,
            "listed but not schema-level: \(listed.subtracting(found).sorted()); schema-level but not listed: \(found.subtracting(listed).sorted())"
        )
        #expect(found.contains("version-2") && found.contains("unknown-app-key") && found.count >= 35)
    }

    @Test("the file render writes and schema prints: the marker first, draft 2020-12, every key described")
    func file() throws {
        let text = JSONEmitter().emit(.mapping(ConfigSchema.document()))
        #expect(Self.schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(Self.schema["required"] as? [String] == ["version", "apps"])
        #expect(!text.contains("\"$ref\"") && !text.contains("\"$defs\""), "tables are inlined")
        func check(_ node: [String: Any], _ path: String) {
            for (key, value) in node["properties"] as? [String: Any] ?? [:] {
                let child = value as? [String: Any] ?? [:]
                #expect((child["description"] as? String)?.isEmpty == false, "\(path).\(key) has no description")
                check(child, "\(path).\(key)")
            }
            for branch in node["anyOf"] as? [[String: Any]] ?? [] { check(branch, path) }
            if let values = node["additionalProperties"] as? [String: Any] { check(values, path + ".*") }
            if let items = node["items"] as? [String: Any] { check(items, path + "[]") }
        }
        check(Self.schema, "")
    }
}
