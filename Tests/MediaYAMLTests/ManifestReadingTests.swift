import MediaYAML
import Testing

/// The reader's manifests mode: what `mediactl import` reads from hand-written Flux repositories.
@Suite("YAML reader, manifests mode")
struct ManifestReadingTests {
    /// The documents of `text` read as manifests, described, and the messages of its diagnostics.
    private func manifests(_ text: String) -> (documents: [String], errors: [String]) {
        let result = YAMLReader(mode: .manifests).readDocuments(Array(text.utf8))
        return (
            result.documents.map { describe($0) },
            result.diagnostics.map { "\($0.position?.description ?? "-"): \($0.message)" }
        )
    }

    @Test(
        "reads documents, anchors, aliases and merge keys",
        arguments: [
            ("---\na: 1\n---\nb: 2\n", ["{a: \"1\"}", "{b: \"2\"}"]),
            ("---\n---\n# nothing\n---\na: 1\n...\n", ["{a: \"1\"}"]),
            ("a: 1\n---\n", ["{a: \"1\"}"]),
            ("name: &app sonarr\nlabel: *app\n", ["{name: \"sonarr\", label: \"sonarr\"}"]),
            (
                "port: &port 80\nprobe: {port: *port, path: /ping}\n",
                ["{port: \"80\", probe: {port: \"80\", path: \"/ping\"}}"]
            ),
            (
                "liveness: &probes\n  enabled: true\nreadiness: *probes\n",
                ["{liveness: {enabled: \"true\"}, readiness: {enabled: \"true\"}}"]
            ),
            (
                "hosts:\n  - &host x.example\ntls:\n  - hosts: [*host]\n",
                ["{hosts: [\"x.example\"], tls: [{hosts: [\"x.example\"]}]}"]
            ),
            ("- &item\n  a: 1\n- *item\n", ["[{a: \"1\"}, {a: \"1\"}]"]),
            ("a: &list\n- x\nb: *list\n", ["{a: [\"x\"], b: [\"x\"]}"]),
            (
                "base: &base {a: 1, b: 2}\nthis:\n  <<: *base\n  b: 3\n",
                ["{base: {a: \"1\", b: \"2\"}, this: {b: \"3\", a: \"1\"}}"]
            ),
            (
                "x: &x {a: 1}\ny: &y {a: 2, b: 2}\nz: {<<: [*x, *y], c: 3}\n",
                ["{x: {a: \"1\"}, y: {a: \"2\", b: \"2\"}, z: {c: \"3\", a: \"1\", b: \"2\"}}"]
            ),
            ("a: &a 1\n---\na: &a 2\nb: *a\n", ["{a: \"1\"}", "{a: \"2\", b: \"2\"}"]),
            ("a: &empty\nb: *empty\n", ["{a: ~, b: ~}"]),
        ])
    func reads(input: String, expected: [String]) {
        let (documents, errors) = manifests(input)
        #expect(errors == [])
        #expect(documents == expected)
    }

    @Test(
        "refuses what it cannot read, with the position",
        arguments: [
            ("a: *nope\n", "1:4: alias '*nope' names no anchor defined before it in this document"),
            ("a: &x 1\n---\nb: *x\n", "3:4: alias '*x' names no anchor defined before it in this document"),
            (
                "&k key: value\n",
                "1:1: an anchor before a key on its line names the key; anchors on keys are not supported"
            ),
            (
                "- &k key: value\n",
                "1:3: an anchor before a key on its line names the key; anchors on keys are not supported"
            ),
            ("a: 1\n*a : 2\n", "2:1: aliases ('*') are not supported; repeat the value instead"),
            ("a: !!str 1\n", "1:4: tags ('!') are not supported; remove the tag"),
            ("%YAML 1.2\n---\na: 1\n", "1:1: directives such as '%YAML' are not supported; remove the line"),
            ("a: &x\n  b: 1\nc:\n  <<: x\n", "4:7: a merge key '<<' takes a mapping or a list of mappings"),
            (
                "a: 1\n b: 2\n",
                "2:2: unexpected 'key: value' inside a value continued from the line above; check the indentation of this line or quote the value"
            ),
            ("a: &\n", "1:4: expected an anchor name after '&'"),
        ])
    func refuses(input: String, expected: String) {
        let (documents, errors) = manifests(input)
        #expect(documents == [])
        #expect(errors == [expected])
    }

    @Test("a billion laughs is an error at the alias that passes the limit, not a hang")
    func aliasBomb() {
        var text = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            text += "l\(level): &l\(level) [\(previous)]\n"
        }
        let (documents, errors) = manifests(text)
        #expect(documents == [])
        #expect(errors.count == 1)
        #expect(errors.first?.hasSuffix("aliases expand to more than 100000 nodes; repeat less of the file") == true)
    }

    @Test("aliases cannot nest a document deeper than the limit")
    func aliasDepth() {
        // Each level is 10 deep; seven levels of aliases would nest 70.
        var text = "a0: &a0 [[[[[[[[[[x]]]]]]]]]]\n"
        for level in 1...7 {
            text += "a\(level): &a\(level) [[[[[[[[[*a\(level - 1)]]]]]]]]]\n"
        }
        let (documents, errors) = manifests(text)
        #expect(documents == [])
        #expect(errors.first?.contains("nesting is deeper than 64 levels") == true)
    }

    @Test("a copy keeps the positions of the anchored text")
    func aliasPositions() throws {
        let result = YAMLReader(mode: .manifests).readDocuments(Array("a: &x\n  b: 1\nc: *x\n".utf8))
        let c = try #require(result.documents.first?.pairs?.last)
        #expect(c.value.position == SourcePosition(line: 2, column: 3))
        #expect(c.value.pairs?.first?.value.position == SourcePosition(line: 2, column: 6))
    }

    @Test("the config mode still refuses anchors, aliases and a second document")
    func configStaysStrict() {
        for input in ["a: &x 1\n", "a: *x\n", "a: 1\n---\nb: 2\n", "a: {<<: b}\n"] {
            let result = YAMLReader().readDocuments(Array(input.utf8))
            if input.contains("<<") {
                #expect(result.documents.first?.pairs?.first?.value.pairs?.first?.keyText == "<<")
            } else {
                #expect(result.documents.isEmpty)
                #expect(result.diagnostics.count == 1)
            }
        }
    }
}
