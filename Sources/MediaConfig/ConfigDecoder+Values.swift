import MediaKit
import MediaYAML

/// Typed reads of single nodes. Each returns nil after recording an error when the node does not
/// have the expected form; the caller then keeps its default. An empty value, `~` or `null` means
/// "not set": scalar reads return nil without an error, and mappings and lists read as empty.
extension ConfigDecoder {
    mutating func error(_ node: YAMLNode, _ message: String) {
        diagnostics.append(.error(at: node.position, message))
    }

    mutating func warning(_ node: YAMLNode, _ message: String) {
        diagnostics.append(.warning(at: node.position, message))
    }

    /// The pairs of a mapping; nil (with an error) for anything else. A null node is an empty mapping.
    mutating func mapping(_ node: YAMLNode, _ field: @autoclosure () -> String) -> [YAMLPair]? {
        if node.isNull { return [] }
        guard let pairs = node.pairs else {
            error(node, "expected a mapping for \(field()), found \(node.summary)")
            return nil
        }
        return pairs
    }

    /// The items of a sequence; nil (with an error) for anything else. A null node is an empty list.
    mutating func sequence(_ node: YAMLNode, _ field: @autoclosure () -> String) -> [YAMLNode]? {
        if node.isNull { return [] }
        guard let items = node.items else {
            error(node, "expected a list for \(field()), found \(node.summary)")
            return nil
        }
        return items
    }

    /// The values of a small mapping by key, after reporting every key outside `allowed`. Nil (with
    /// an error) when the node is not a mapping; empty for an empty value.
    mutating func fields(_ node: YAMLNode, _ scope: ConfigScope, allowed: [String]) -> [String: YAMLNode]? {
        guard let pairs = mapping(node, scope.selfField) else { return nil }
        var values: [String: YAMLNode] = [:]
        for pair in pairs {
            if allowed.contains(pair.keyText) {
                values[pair.keyText] = pair.value
            } else {
                unknownKey(pair, in: scope, allowed: allowed)
            }
        }
        return values
    }

    /// Records an unknown key, suggesting the nearest allowed one.
    mutating func unknownKey(_ pair: YAMLPair, in scope: ConfigScope, allowed: [String]) {
        let key = pair.keyText
        var message =
            scope.isTopLevel
            ? "unknown top-level key '\(key)'" : "unknown key '\(key)' in \(scope.place)"
        if let suggestion = NameSuggestion.nearest(to: key, in: allowed) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; expected one of " + allowed.map { "'\($0)'" }.joined(separator: ", ")
        }
        error(pair.key, message)
    }

    /// A non-empty string. A plain scalar that other YAML tools would read as a boolean, null, number
    /// or date gives a warning (a canonical decimal integer does not: it reads back the same).
    /// An option written as `true` (on, no settings), `false` (off: nil) or a mapping of its settings.
    mutating func switchOrFields(
        _ node: YAMLNode, _ scope: ConfigScope, allowed: [String]
    ) -> [String: YAMLNode]? {
        if let scalar = node.scalar, scalar.style == .plain, scalar.text == "true" || scalar.text == "false" {
            return scalar.text == "true" ? [:] : nil
        }
        guard node.pairs != nil else {
            let keys = allowed.map { "'\($0)'" }.joined(separator: " or ")
            error(node, "expected true, false or a mapping with \(keys) for \(scope.selfField), found \(found(node))")
            return nil
        }
        return fields(node, scope, allowed: allowed)
    }

    mutating func string(_ node: YAMLNode, _ field: @autoclosure () -> String) -> String? {
        if node.isNull { return nil }
        guard let scalar = node.scalar, !node.isNull else {
            error(node, "expected a string for \(field()), found \(node.summary)")
            return nil
        }
        warnIfRetyped(scalar, node, field())
        if scalar.text.isEmpty {
            error(node, "expected a non-empty string for \(field()), found ''")
            return nil
        }
        if refusesNUL(scalar.text, node, field()) { return nil }
        return scalar.text
    }

    /// Whether `text` holds a NUL character (only a `\0` or `\x00` escape can write one), after recording an
    /// error: no name, path, host, annotation or container environment can hold it, and C code that reads
    /// such a value stops there.
    mutating func refusesNUL(_ text: String, _ node: YAMLNode, _ field: @autoclosure () -> String) -> Bool {
        guard text.unicodeScalars.contains("\0") else { return false }
        error(node, "\(field()) holds a NUL character (U+0000), which no Kubernetes value may hold; remove it")
        return true
    }

    mutating func warnIfRetyped(_ scalar: YAMLScalar, _ node: YAMLNode, _ field: @autoclosure () -> String) {
        let resolution = scalar.resolution
        guard resolution != .string, resolution != .null else { return }
        if resolution == .number, Self.isCanonicalInteger(scalar.text) { return }
        warning(
            node,
            "plain '\(scalar.text)' for \(field()) is read as a string here but as a \(resolution.rawValue) "
                + "by other YAML tools; quote it")
    }

    /// `true` or `false`, plain. Anything else (including `yes`, `on` and quoted `'true'`) is an error.
    mutating func bool(_ node: YAMLNode, _ field: @autoclosure () -> String) -> Bool? {
        if node.isNull { return nil }
        if let scalar = node.scalar, scalar.style == .plain {
            if scalar.text == "true" { return true }
            if scalar.text == "false" { return false }
        }
        error(node, "expected true or false for \(field()), found \(found(node))")
        return nil
    }

    /// A plain decimal integer in `range`.
    mutating func integer(_ node: YAMLNode, _ field: @autoclosure () -> String, in range: ClosedRange<Int>) -> Int? {
        if node.isNull { return nil }
        guard let scalar = node.scalar, scalar.style == .plain, Self.isCanonicalInteger(scalar.text),
            let value = Int(scalar.text)
        else {
            error(node, "expected a whole number for \(field()), found \(found(node))")
            return nil
        }
        guard range.contains(value) else {
            error(
                node, "expected a number from \(range.lowerBound) to \(range.upperBound) for \(field()), found \(value)"
            )
            return nil
        }
        return value
    }

    /// The node for messages about a typed value: a quoted scalar says it is a string because of its quotes.
    func found(_ node: YAMLNode) -> String {
        guard let scalar = node.scalar, scalar.style != .plain else { return node.summary }
        return "the quoted string \(node.summary); remove the quotes"
    }

    /// A TCP/UDP port number.
    mutating func port(_ node: YAMLNode, _ field: @autoclosure () -> String) -> Int? {
        integer(node, field(), in: 1...65_535)
    }

    /// One of an enumeration's raw values, suggesting the nearest on a typo.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ node: YAMLNode, _ field: @autoclosure () -> String, as type: Choice.Type = Choice.self
    ) -> Choice? where Choice.RawValue == String {
        if node.isNull { return nil }
        let allowed = Choice.allCases.map(\.rawValue)
        if let scalar = node.scalar, !node.isNull, let value = Choice(rawValue: scalar.text) { return value }
        var message =
            "expected one of " + allowed.map { "'\($0)'" }.joined(separator: ", ")
            + " for \(field()), found \(node.summary)"
        if let text = node.scalar?.text, let suggestion = NameSuggestion.nearest(to: text, in: allowed) {
            message += "; did you mean '\(suggestion)'?"
        }
        error(node, message)
        return nil
    }

    /// A DNS-1123 label (namespaces, volume names, app references).
    mutating func label(_ node: YAMLNode, _ field: @autoclosure () -> String) -> String? {
        guard let text = string(node, field()) else { return nil }
        if let problem = DNSLabel.problem(with: text) {
            error(node, "\(field()) must be a DNS-1123 label, found '\(text)': \(problem)")
            return nil
        }
        return text
    }

    /// A namespace mediactl creates for apps: a DNS-1123 label outside the `kube-` names Kubernetes keeps for
    /// itself (`kube-system` runs the control plane and is exempt from the usual admission rules).
    mutating func namespace(_ node: YAMLNode, _ field: @autoclosure () -> String) -> String? {
        guard let name = label(node, field()) else { return nil }
        if name.hasPrefix("kube-") {
            error(node, "\(field()) may not be '\(name)': Kubernetes keeps 'kube-' namespaces for itself")
            return nil
        }
        return name
    }

    /// A Kubernetes quantity such as `500m` or `1Gi`; a plain integer is accepted as its text.
    mutating func quantity(_ node: YAMLNode, _ field: @autoclosure () -> String) -> String? {
        if node.isNull { return nil }
        guard let scalar = node.scalar, !node.isNull else {
            error(node, "expected a quantity such as '500m' or '1Gi' for \(field()), found \(node.summary)")
            return nil
        }
        guard Quantity.isValid(scalar.text) else {
            error(node, "expected a quantity such as '500m' or '1Gi' for \(field()), found '\(scalar.text)'")
            return nil
        }
        return scalar.text
    }

    /// A path relative to `base` (``RelativePath``): the one rule for paths that `render` writes to or lists,
    /// so `validate` rejects at its line what `render` would refuse. A leading `./` and trailing `/` are
    /// dropped.
    mutating func relativePath(
        _ node: YAMLNode, _ field: @autoclosure () -> String, inside base: RelativePath.Base
    ) -> String? {
        guard let text = string(node, field()) else { return nil }
        let path = RelativePath.normalized(text)
        if let problem = RelativePath.problem(with: path, inside: base) {
            error(node, "expected a relative path inside \(base.name) for \(field()), found '\(text)': \(problem)")
            return nil
        }
        return path
    }

    /// An absolute path in a container or on an NFS server: no control characters and no empty, `.` or `..`
    /// folder; a trailing `/` is dropped. `/` itself only where `allowsRoot` (an NFS export may be the
    /// server's root; a mount over a container's root hides the image).
    mutating func absolutePath(
        _ node: YAMLNode, _ field: @autoclosure () -> String, allowsRoot: Bool = false
    ) -> String? {
        guard let text = string(node, field()) else { return nil }
        var path = Substring(text)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        let problem: String?
        if !path.hasPrefix("/") {
            problem = "it must start with '/'"
        } else if path == "/" {
            problem = allowsRoot ? nil : "it is the root folder, which would hide everything the image holds"
        } else if let control = path.unicodeScalars.first(where: \.isControlCharacter) {
            problem = "it contains the control character \(control.codePoint)"
        } else {
            let names = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
            problem =
                names.contains("")
                ? "it has an empty folder name ('//')"
                : names.contains(".") || names.contains("..") ? "it has a '.' or '..' folder" : nil
        }
        if let problem {
            error(node, "expected an absolute path for \(field()), found '\(text)': \(problem)")
            return nil
        }
        return String(path)
    }

    /// A string map whose keys (and values, when `values` is given) follow a rule: label keys and values for
    /// `nodeSelector` and auth labels, annotation keys. Each breach is an error at its key or value.
    mutating func checkedMap(
        _ node: YAMLNode, _ field: @autoclosure () -> String, keys: (String) -> String?,
        values: ((String) -> String?)? = nil
    ) -> [String: String]? {
        guard let map = stringMap(node, field()) else { return nil }
        var valid = true
        for pair in node.pairs ?? [] {
            if let problem = keys(pair.keyText) {
                error(pair.key, "'\(pair.keyText)' in \(field()) is not a valid key: \(problem)")
                valid = false
            }
            if let values, let text = map[pair.keyText], let problem = values(text) {
                error(pair.value, "'\(text)' for '\(pair.keyText)' in \(field()) is not a valid value: \(problem)")
                valid = false
            }
        }
        return valid ? map : nil
    }

    /// A list of strings.
    mutating func strings(_ node: YAMLNode, _ field: @autoclosure () -> String) -> [String]? {
        guard let items = sequence(node, field()) else { return nil }
        let values = items.compactMap { string($0, field()) }
        return values.count == items.count ? values : nil
    }

    /// A map of string keys to string values (env, nodeSelector, annotations).
    mutating func stringMap(_ node: YAMLNode, _ field: @autoclosure () -> String) -> [String: String]? {
        guard let pairs = mapping(node, field()) else { return nil }
        var result: [String: String] = [:]
        for pair in pairs {
            guard let scalar = pair.value.scalar, !pair.value.isNull else {
                error(pair.value, "expected a string for '\(pair.keyText)' of \(field()), found \(pair.value.summary)")
                continue
            }
            warnIfRetyped(scalar, pair.value, "'\(pair.keyText)' of \(field())")
            if refusesNUL(pair.keyText, pair.key, "a key of \(field())")
                || refusesNUL(scalar.text, pair.value, "'\(pair.keyText)' of \(field())")
            {
                continue
            }
            result[pair.keyText] = scalar.text
        }
        return result
    }

    /// An untyped subtree as a ``RawValue``: plain `true`/`false` are booleans, plain decimal integers
    /// are integers, null is null, everything else is a string.
    mutating func rawValue(_ node: YAMLNode, _ field: @autoclosure () -> String) -> RawValue {
        switch node.content {
        case .scalar(let scalar):
            if node.isNull { return .null }
            if scalar.style == .plain {
                if scalar.text == "true" { return .boolean(true) }
                if scalar.text == "false" { return .boolean(false) }
                if Self.isCanonicalInteger(scalar.text), let value = Int(scalar.text) { return .integer(value) }
                warnIfRetyped(scalar, node, field())
            }
            if refusesNUL(scalar.text, node, field()) { return .null }
            return .string(scalar.text)
        case .sequence(let items):
            return .list(items.map { rawValue($0, field()) })
        case .mapping(let pairs):
            var map: [String: RawValue] = [:]
            for pair in pairs {
                if refusesNUL(pair.keyText, pair.key, "a key of \(field())") { continue }
                map[pair.keyText] = rawValue(pair.value, "'\(pair.keyText)' of \(field())")
            }
            return .map(map)
        }
    }

    /// `0`, or digits not starting with `0`, with an optional `-`.
    static func isCanonicalInteger(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.hasPrefix("-") { digits = digits.dropFirst() }
        guard let first = digits.first, digits.count <= 18 else { return false }
        return digits.allSatisfy { $0.isASCII && $0.isNumber } && (first != "0" || digits.count == 1)
    }
}
