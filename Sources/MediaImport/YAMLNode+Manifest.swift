import MediaYAML

/// Reading hand-written manifests: the value under a key, scalar text, and the typed forms Kubernetes tools
/// give plain scalars.
extension YAMLNode {
    /// The value under `key`, when this is a mapping that has it.
    subscript(_ key: String) -> YAMLNode? {
        pairs?.first { $0.keyText == key }?.value
    }

    /// The value at a path of keys.
    subscript(path keys: String...) -> YAMLNode? {
        var node: YAMLNode? = self
        for key in keys { node = node?[key] }
        return node
    }

    /// The text of a scalar that is not null.
    var text: String? {
        guard let scalar, !isNull else { return nil }
        return scalar.text
    }

    /// Whether this is the boolean `value` as Kubernetes tools read it (`true`, `True`, `TRUE`…, plain).
    func isBoolean(_ value: Bool) -> Bool {
        guard let scalar, scalar.style == .plain else { return false }
        return scalar.text.lowercased() == (value ? "true" : "false")
    }

    /// A plain integer as Kubernetes tools read it: decimal, `0x`, `0o` or a leading `0` (octal, as Go's
    /// YAML libraries read `defaultMode: 0775`), with an optional sign.
    var integer: Int? {
        guard let scalar, scalar.style == .plain else { return nil }
        return Self.integer(plain: scalar.text)
    }

    /// The integer a plain scalar's `text` is, by the rules of ``integer``.
    static func integer(plain text: String) -> Int? {
        var digits = Substring(text.replacing("_", with: ""))
        var negative = false
        if let sign = digits.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 20 else { return nil }
        let value: Int?
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            value = Int(digits.dropFirst(2), radix: 16)
        } else if digits.hasPrefix("0o") || digits.hasPrefix("0O") {
            value = Int(digits.dropFirst(2), radix: 8)
        } else if digits.count > 1, digits.hasPrefix("0") {
            value = Int(digits.dropFirst(), radix: 8)
        } else {
            value = digits.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(digits) : nil
        }
        return value.map { negative ? -$0 : $0 }
    }

    /// The keys of a mapping, in order.
    var keys: [String] { pairs?.map(\.keyText) ?? [] }

    /// A copy of this mapping without `key`.
    func removing(_ key: String) -> YAMLNode {
        guard let pairs else { return self }
        return YAMLNode(.mapping(pairs.filter { $0.keyText != key }), at: position)
    }

    /// A copy of this mapping with `value` under `key`, replacing the pair with that key or appending one.
    func setting(_ key: String, _ value: YAMLNode) -> YAMLNode {
        var pairs = self.pairs ?? []
        if let index = pairs.firstIndex(where: { $0.keyText == key }) {
            pairs[index].value = value
        } else {
            pairs.append(
                YAMLPair(key: YAMLNode(.scalar(YAMLScalar(text: key, style: .plain)), at: value.position), value: value)
            )
        }
        return YAMLNode(.mapping(pairs), at: position)
    }

    /// A plain scalar node.
    static func plain(_ text: String, at position: SourcePosition) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(text: text, style: .plain)), at: position)
    }

    /// A mapping node.
    static func mapping(_ pairs: [(String, YAMLNode)], at position: SourcePosition) -> YAMLNode {
        YAMLNode(
            .mapping(pairs.map { YAMLPair(key: .plain($0.0, at: $0.1.position), value: $0.1) }), at: position)
    }

    /// The value as Kubernetes tools read it, for writing into `mediactl.yaml`: plain `true`/`false` (any
    /// case) are booleans, plain integers (``integer``) integers, null forms null, everything else a string.
    var typedValue: YAMLValue {
        switch content {
        case .scalar(let scalar):
            if isNull { return .null }
            guard scalar.style == .plain else { return .string(scalar.text) }
            if isBoolean(true) { return .boolean(true) }
            if isBoolean(false) { return .boolean(false) }
            if let integer { return .integer(integer) }
            return .string(scalar.text)
        case .sequence(let items):
            return .sequence(items.map(\.typedValue))
        case .mapping(let pairs):
            return .mapping(
                YAMLMapping.sortedByKey(
                    Dictionary(pairs.map { ($0.keyText, $0.value.typedValue) }) { first, _ in first }))
        }
    }

    /// Whether two nodes hold the same value as Kubernetes reads them (positions and quoting aside; mapping order
    /// aside).
    func sameValue(as other: YAMLNode) -> Bool { typedValue == other.typedValue }
}
