import MediaYAML

/// A Kustomization's `postBuild.substitute` applied the way Flux applies it (`${VAR}`, and `${VAR:=default}`,
/// `${VAR:-default}`, `${VAR=default}`, `${VAR-default}` whose variable is set), so the values import writes
/// are the values that ran. Variables it does not set stay for `substituteFrom`.
struct Substitution {
    /// Variable → value.
    let variables: [String: String]

    /// `node` with every scalar's variables replaced.
    func apply(to node: YAMLNode) -> YAMLNode {
        switch node.content {
        case .scalar(let scalar):
            guard scalar.text.contains("${") else { return node }
            return YAMLNode(.scalar(YAMLScalar(text: apply(to: scalar.text), style: scalar.style)), at: node.position)
        case .sequence(let items):
            return YAMLNode(.sequence(items.map(apply)), at: node.position)
        case .mapping(let pairs):
            return YAMLNode(
                .mapping(pairs.map { YAMLPair(key: $0.key, value: apply(to: $0.value)) }), at: node.position)
        }
    }

    /// `text` with the variables replaced.
    func apply(to text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let dollar = rest.indices.first(where: { rest[$0] == "$" && rest[rest.index(after: $0)...].first == "{" })
        {
            let open = rest.index(dollar, offsetBy: 2)
            result += rest[..<dollar]
            guard let end = rest[open...].firstIndex(of: "}") else {
                rest = rest[dollar...]
                break
            }
            let inside = rest[open..<end]
            let name = inside.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            let operation = inside.dropFirst(name.count)
            let known = operation.isEmpty || [":=", ":-", "=", "-"].contains { operation.hasPrefix($0) }
            if known, let value = variables[String(name)] {
                result += value
            } else {
                result += rest[dollar...end]
            }
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }

    /// Whether `text` uses one of the variables.
    func uses(_ text: String) -> Bool { apply(to: text) != text }
}
