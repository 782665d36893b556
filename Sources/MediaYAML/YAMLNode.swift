/// A node read from YAML text, with the position where it starts.
///
/// Scalars stay untyped (text and style); whoever decodes the tree gives them a type by destination,
/// so `yes` in a string field stays the string `yes`.
public struct YAMLNode: Hashable, Sendable {
    /// What a node holds.
    public enum Content: Hashable, Sendable {
        /// A scalar: its text and how it was written.
        case scalar(YAMLScalar)
        /// A sequence of nodes, in order.
        case sequence([YAMLNode])
        /// A mapping's pairs in source order; keys are unique (the reader reports and drops duplicates).
        case mapping([YAMLPair])
    }

    /// The node's content.
    public var content: Content
    /// Where the node starts: the first character of a scalar, the first key of a block mapping, the
    /// first dash of a block sequence, the bracket of a flow collection. An empty value sits just
    /// after its key's colon.
    public var position: SourcePosition

    /// Creates a node.
    public init(_ content: Content, at position: SourcePosition) {
        self.content = content
        self.position = position
    }

    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The pairs, if this node is a mapping.
    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The items, if this node is a sequence.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// Whether this node is an empty value, `~` or `null`.
    public var isNull: Bool { scalar?.isNull ?? false }

    /// A short description for messages: `'text'`, `nothing`, `a sequence` or `a mapping`.
    public var summary: String {
        switch content {
        case .scalar(let scalar):
            if scalar.isNull { return scalar.text.isEmpty ? "nothing" : "'\(scalar.text)'" }
            let text = scalar.text.count > 40 ? String(scalar.text.prefix(40)) + "…" : scalar.text
            return "'" + text.replacing("\n", with: "\\n") + "'"
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        }
    }
}

/// A scalar's text and the style it was written in.
public struct YAMLScalar: Hashable, Sendable {
    /// The scalar's value after unquoting, unescaping and folding.
    public var text: String
    /// How it was written.
    public var style: YAMLScalarStyle

    /// Creates a scalar.
    public init(text: String, style: YAMLScalarStyle) {
        self.text = text
        self.style = style
    }

    /// Whether this is a plain empty value, `~`, `null`, `Null` or `NULL`.
    public var isNull: Bool {
        style == .plain && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }

    /// What other YAML tools read this scalar as: always `.string` unless it is plain.
    public var resolution: YAMLPlainResolution {
        style == .plain ? YAMLPlainResolution(plain: text) : .string
    }
}

/// One entry of a mapping: a scalar key node and its value node.
public struct YAMLPair: Hashable, Sendable {
    /// The key node; always a scalar.
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key's text.
    public var keyText: String { key.scalar?.text ?? "" }
}
