import MediaYAML

/// A compact rendering of a node tree for assertions: scalars in double quotes with `\n` escaped,
/// sequences in brackets, mappings in braces, null as `~`.
func describe(_ node: YAMLNode?) -> String {
    guard let node else { return "<none>" }
    switch node.content {
    case .scalar(let scalar):
        if scalar.isNull { return "~" }
        return "\"" + scalar.text.replacing("\\", with: "\\\\").replacing("\n", with: "\\n")
            .replacing("\"", with: "\\\"") + "\""
    case .sequence(let items):
        return "[" + items.map(describe).joined(separator: ", ") + "]"
    case .mapping(let pairs):
        return "{" + pairs.map { "\($0.keyText): \(describe($0.value))" }.joined(separator: ", ") + "}"
    }
}

/// The node tree as a value of strings, sequences and mappings (scalars become strings).
func value(of node: YAMLNode) -> YAMLValue {
    switch node.content {
    case .scalar(let scalar): return scalar.isNull ? .null : .string(scalar.text)
    case .sequence(let items): return .sequence(items.map(value(of:)))
    case .mapping(let pairs): return .mapping(YAMLMapping(pairs.map { ($0.keyText, value(of: $0.value)) }))
    }
}

/// Reads `text` and returns the root, or the diagnostics as `line:col: message` lines.
func read(_ text: String) -> (root: YAMLNode?, errors: [String]) {
    let result = YAMLReader().read(text)
    return (result.root, result.diagnostics.map { "\($0.position.map(\.description) ?? "-"): \($0.message)" })
}

/// A small deterministic random number generator (SplitMix64) so randomized tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
