import MediaTestSupport
import MediaYAML

/// A compact rendering of a node tree for assertions: scalars in double quotes with `\n` escaped,
/// sequences in brackets, mappings in braces, null as `~`.
func describe(_ node: YAMLNode?) -> String {
    guard let node else { return "<none>" }
    switch node.content {
    case .scalar(let scalar):
        if scalar.isNull { return "~" }
        return "\""
            + scalar.text.replacing("\\", with: "\\\\").replacing("\n", with: "\\n")
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
