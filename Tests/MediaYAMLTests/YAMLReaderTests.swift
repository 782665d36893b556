import MediaYAML
import Testing

@Suite("YAML reader")
struct YAMLReaderTests {
    @Test(
        "accepts the subset people write",
        arguments: [
            ("a: 1\nb: two\n", "{a: \"1\", b: \"two\"}"),
            ("---\na: 1\n", "{a: \"1\"}"),
            ("--- # start\na: 1\n...\n", "{a: \"1\"}"),
            ("\u{FEFF}a: 1\r\nb: 2\r\n", "{a: \"1\", b: \"2\"}"),
            ("a:\n  - x\n  - y\n", "{a: [\"x\", \"y\"]}"),
            ("a:\n- x\n- y\nb: 1\n", "{a: [\"x\", \"y\"], b: \"1\"}"),
            ("- name: a\n  port: 1\n- name: b\n", "[{name: \"a\", port: \"1\"}, {name: \"b\"}]"),
            ("- - a\n  - b\n- c\n", "[[\"a\", \"b\"], \"c\"]"),
            ("a: [x, 'y z', \"q\", [1, 2], {k: v}]\n", "{a: [\"x\", \"y z\", \"q\", [\"1\", \"2\"], {k: \"v\"}]}"),
            ("a: {k: v, e:, f}\n", "{a: {k: \"v\", e: ~, f: ~}}"),
            ("a: [x,\n    y,\n  ]\n", "{a: [\"x\", \"y\"]}"),
            ("a: [x, # comment\n  y]\n", "{a: [\"x\", \"y\"]}"),
            ("a: []\nb: {}\n", "{a: [], b: {}}"),
            ("a:\nb: ~\nc: null\n", "{a: ~, b: ~, c: ~}"),
            ("a: 'it''s'\n", "{a: \"it's\"}"),
            ("a: \"tab\\there \\u00e9 \\x41 \\N\"\n", "{a: \"tab\there é A \u{85}\"}"),
            ("a: \"one\n  two\n\n  three\"\n", "{a: \"one two\\nthree\"}"),
            ("a: \"join\\\n  ed\"\n", "{a: \"joined\"}"),
            ("a: 'one\n  two'\n", "{a: \"one two\"}"),
            ("a: plain\n  continued\n\n  para\n", "{a: \"plain continued\\npara\"}"),
            ("a: x # comment\n# line\nb: y#z\n", "{a: \"x\", b: \"y#z\"}"),
            ("url: http://x:80/a\n", "{url: \"http://x:80/a\"}"),
            ("a: |\n  line1\n  line2\nb: 1\n", "{a: \"line1\\nline2\\n\", b: \"1\"}"),
            ("a: |-\n  x\n\n  y\n\n", "{a: \"x\\n\\ny\"}"),
            ("a: |+\n  x\n\n", "{a: \"x\\n\\n\"}"),
            ("a: |2\n    indented\n  base\n", "{a: \"  indented\\nbase\\n\"}"),
            ("a: >\n  folded\n  text\n\n  para\n", "{a: \"folded text\\npara\\n\"}"),
            ("a: >-\n  x\n    more\n  y\n", "{a: \"x\\n  more\\ny\"}"),
            ("- |\n  in list\n- b\n", "[\"in list\\n\", \"b\"]"),
            ("a:\n  b:\n    c: d\n  e: f\n", "{a: {b: {c: \"d\"}, e: \"f\"}}"),
            ("'quoted key': 1\n\"k2\": 2\n", "{quoted key: \"1\", k2: \"2\"}"),
            ("a: -1\nb: -x\nc: :c\n", "{a: \"-1\", b: \"-x\", c: \":c\"}"),
            // Flow collections across lines: lines indented more than the key, the closing bracket at its column.
            (
                "apps:\n  lidarr: {\n    service: lidarr,\n    expose: internal\n  }\n  sonarr: {}\n",
                "{apps: {lidarr: {service: \"lidarr\", expose: \"internal\"}, sonarr: {}}}"
            ),
            ("a: {\n  b: 1\n}\n", "{a: {b: \"1\"}}"),
            ("- {a: 1,\n  b: 2\n}\n- [\n  x\n  ]\n", "[{a: \"1\", b: \"2\"}, [\"x\"]]"),
            ("a: {b: [1,\n  2\n  ], c: 3\n}\n", "{a: {b: [\"1\", \"2\"], c: \"3\"}}"),
            ("a: [\n  1\n]\nb: 2\n", "{a: [\"1\"], b: \"2\"}"),
            ("# only a comment\n", "<none>"),
            ("", "<none>"),
        ])
    func accepts(input: String, expected: String) {
        let (root, errors) = read(input)
        #expect(errors == [])
        #expect(describe(root) == expected)
    }

    @Test("positions are 1-based line and column of each node")
    func positions() throws {
        let result = YAMLReader().read("apps:\n  plex:\n    expose: internal\n  sonarr: {port: 1}\n")
        let apps = try #require(result.root?.pairs?.first)
        #expect(apps.key.position == SourcePosition(line: 1, column: 1))
        let plex = try #require(apps.value.pairs?.first)
        #expect(plex.key.position == SourcePosition(line: 2, column: 3))
        let expose = try #require(plex.value.pairs?.first)
        #expect(expose.value.position == SourcePosition(line: 3, column: 13))
        let sonarr = try #require(apps.value.pairs?.last)
        #expect(sonarr.value.position == SourcePosition(line: 4, column: 11))
        #expect(sonarr.value.pairs?.first?.value.position == SourcePosition(line: 4, column: 18))
    }

    @Test(
        "rejects what is outside the subset, with the position",
        arguments: [
            ("a: 1\n\tb: 2\n", "2:1: tab character in indentation"),
            ("a: &x 1\n", "1:4: anchors ('&') are not supported"),
            ("a: *x\n", "1:4: aliases ('*') are not supported"),
            ("a: !!str 1\n", "1:4: tags ('!') are not supported"),
            ("? a\n: b\n", "1:1: explicit keys ('? ') are not supported"),
            ("%YAML 1.2\n---\na: 1\n", "1:1: directives such as '%YAML' are not supported"),
            ("a: 1\n---\nb: 2\n", "2:1: a second document starts here"),
            ("a: {b: 1\n", "1:4: unclosed flow mapping: '{' has no matching '}'"),
            ("a: [1, 2\nb: 3\n", "1:4: unclosed flow sequence"),
            ("a: \"open\nb: 2\n", "1:4: unterminated double-quoted string"),
            ("a: 'open\n", "1:4: unterminated single-quoted string"),
            ("a: 1\n  b: 2\n", "2:3: unexpected 'key: value' inside a value continued from the line above"),
            ("a:\n  b: [1]\n    c: 2\n", "3:5: unexpected indentation; expected a key at column 3"),
            ("a: b: c\n", "1:5: a nested mapping cannot start on the line of its key"),
            ("a: - b\n", "1:4: a block sequence cannot start on the line of its key"),
            ("a: 1\nb\n", "2:1: expected a mapping key followed by ':', found 'b'"),
            ("a: 1\n- b\n", "2:1: expected a mapping key at this indentation, found a sequence entry '-'"),
            ("[a]: 1\n", "1:1: mapping keys must be scalars"),
            ("a: [1, , 2]\n", "1:8: empty entry in a flow sequence"),
            ("a: [k: v]\n", "1:6: a 'key: value' pair inside a flow sequence needs braces"),
            ("a: \"\\q\"\n", "1:5: unknown escape '\\q'"),
            ("a: @x\n", "1:4: '@' is reserved and cannot start a plain value"),
            ("a: \"x\" y\n", "1:8: expected the end of the line after the value, found 'y'"),
            ("a: x\n  y: z\n", "2:3: unexpected 'key: value' inside a value continued from the line above"),
            ("a: |x\n", "1:5: expected a chomping indicator"),
            ("a: 1\n...\nb: 2\n", "3:1: unexpected content 'b: 2'"),
            (
                "a:\n  b: {\n  c: 1\n  }\n",
                "2:6: unclosed flow mapping: '{' has no matching '}'; its lines must be indented more than the key "
                    + "(or '-') that holds it, and line 3 is not"
            ),
            ("a:\n  b: {\n    c: 1\n}\n", "2:6: unclosed flow mapping: '{' has no matching '}'; its lines"),
            ("a:\n  b: [\n    1\n c: 2\n", "2:6: unclosed flow sequence: '[' has no matching ']'; its lines"),
            ("a: \"x\u{1B}[2Jy\"\n", "1:6: control character U+001B is not allowed in YAML"),
            ("a: 1\u{7F}\n", "1:5: control character U+007F is not allowed in YAML"),
            ("a: \u{0}\n", "1:4: control character U+0000 is not allowed in YAML"),
            ("a: b\u{9B}\n", "1:5: control character U+009B is not allowed in YAML"),
            ("a: '\u{FFFF}'\n", "1:5: control character U+FFFF is not allowed in YAML"),
        ])
    func rejects(input: String, expected: String) {
        let (root, errors) = read(input)
        #expect(root == nil)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix(expected) == true, "\(errors)")
    }

    @Test("duplicate keys are reported with both positions and the first one is kept")
    func duplicateKeys() {
        let (root, errors) = read("a: 1\nb: 2\na: 3\nc: {x: 1, x: 2}\n")
        #expect(describe(root) == "{a: \"1\", b: \"2\", c: {x: \"1\"}}")
        #expect(
            errors == [
                "3:1: duplicate key 'a'; it is first defined at line 1, column 1",
                "4:11: duplicate key 'x'; it is first defined at line 4, column 5",
            ])
    }

    @Test("duplicate keys are found in large mappings too, block and flow")
    func duplicateKeysInLargeMappings() {
        let keys = (0..<30).map { "k\($0)" }
        let block = keys.map { "\($0): 1\n" }.joined() + "k3: 2\nk29: 3\n"
        let (_, blockErrors) = read(block)
        #expect(
            blockErrors == [
                "31:1: duplicate key 'k3'; it is first defined at line 4, column 1",
                "32:1: duplicate key 'k29'; it is first defined at line 30, column 1",
            ])
        let flow = "m: {" + keys.map { "\($0): 1, " }.joined() + "k20: 2}\n"
        let (_, flowErrors) = read(flow)
        #expect(flowErrors.count == 1)
        let column = ("m: {" + keys.prefix(20).map { "\($0): 1, " }.joined()).count + 1
        let expected = "duplicate key 'k20'; it is first defined at line 1, column \(column)"
        #expect(flowErrors.first?.hasSuffix(expected) == true, "\(flowErrors)")
    }

    @Test("invalid UTF-8 is an error at its position, not a crash")
    func invalidUTF8() {
        let result = YAMLReader().read([0x61, 0x3A, 0x20, 0x0A, 0x62, 0x3A, 0x20, 0xFF, 0x0A])
        #expect(result.root == nil)
        #expect(result.diagnostics.map(\.position) == [SourcePosition(line: 2, column: 4)])
        #expect(result.diagnostics.first?.message == "invalid UTF-8 byte sequence")
    }

    @Test("nesting deeper than the limit is an error, not a stack overflow")
    func deepNesting() {
        let flow = String(repeating: "[", count: 10_000)
        #expect(read("a: " + flow + "\n").errors.first?.contains("nesting is deeper than") == true)
        var block = ""
        for depth in 0..<200 { block += String(repeating: " ", count: depth) + "k:\n" }
        #expect(read(block).errors.first?.contains("nesting is deeper than") == true)
    }

    @Test("plain scalars that other tools retype are recognised")
    func plainResolution() {
        #expect(YAMLPlainResolution(plain: "yes") == .boolean)
        #expect(YAMLPlainResolution(plain: "0755") == .number)
        #expect(YAMLPlainResolution(plain: "1_000") == .number)
        #expect(YAMLPlainResolution(plain: "12:30") == .number)
        #expect(YAMLPlainResolution(plain: ".inf") == .number)
        #expect(YAMLPlainResolution(plain: "2001-12-14") == .timestamp)
        #expect(YAMLPlainResolution(plain: "~") == .null)
        #expect(YAMLPlainResolution(plain: "1.2.3") == .string)
        #expect(YAMLPlainResolution(plain: "3d-render") == .string)
        #expect(YAMLPlainResolution(plain: "internal") == .string)
    }
}
