import MediaKit
import MediaYAML

/// Checks the `values:` of each app against what the config's app-template version accepts
/// (``ChartValueShapes``): a key the chart does not have, a value of the wrong kind and a string outside an
/// enumeration are errors, located at the key or the value, with a "did you mean" when a key or value is near.
///
/// `values:` are merged over the rendered values, so only the keys the user wrote are checked, each by its path;
/// nothing is required. Scalars are typed as the decoder types `values:` (plain `true`/`false` are booleans,
/// plain decimal integers are integers, anything else is a string), since that is how they are written out.
/// Three more rules:
/// - A null fits anywhere: it removes a rendered key.
/// - A scalar with `${` in it is a Flux substitution (`${VAR}`, `${VAR:=1000}`); what it becomes is known only
///   when Flux runs, so it fits where a number, a boolean or a value of an enumeration is expected.
/// - Helm template text (`{{ .Release.Name }}`) is not evaluated in values before the chart's schema checks them:
///   it is a string like any other, welcome where a string is, an error where a number or boolean is.
///
/// When `chart.version` is not a supported version, nothing is checked: that error comes first.
public struct ValuesChecker {
    /// What has been found so far, in the order found.
    private var diagnostics: [Diagnostic] = []

    private let version: ChartSettings.Version
    private let app: String
    /// The steps from `values` down to the node being checked.
    private var steps: [Step] = []

    /// One step down the values.
    private enum Step {
        /// To the value of a key of a mapping with fixed keys; `variant` is the discriminator's value of a
        /// mapping with variants, when it has one.
        case field(String, variant: String?)
        /// To the value under a name the user chose.
        case entry(String)
        /// To an item of a list.
        case item(Int)
    }

    private init(version: ChartSettings.Version, app: String) {
        self.version = version
        self.app = Self.escaped(app)
    }

    /// The problems in the `values:` of every app of a config's node tree (nil for an empty file).
    public static func diagnostics(config root: YAMLNode?) -> [Diagnostic] {
        guard let root, let version = chartVersion(root),
            let apps = root.pairs?.first(where: { $0.keyText == "apps" })?.value.pairs
        else { return [] }
        var diagnostics: [Diagnostic] = []
        for app in apps {
            guard let values = app.value.pairs?.first(where: { $0.keyText == "values" })?.value,
                values.pairs != nil
            else { continue }
            diagnostics += Self.diagnostics(values: values, version: version, app: app.keyText)
        }
        return diagnostics
    }

    /// The problems in one values mapping for app-template `version`; messages name `app`.
    public static func diagnostics(values: YAMLNode, version: ChartSettings.Version, app: String) -> [Diagnostic] {
        var checker = ValuesChecker(version: version, app: app)
        checker.check(values, ChartValueShapes.root(for: version))
        return checker.diagnostics
    }

    /// The config's chart version: the default when it names none, nil when it names one mediactl does not
    /// support (or writes `chart` in a form the decoder reports).
    private static func chartVersion(_ root: YAMLNode) -> ChartSettings.Version? {
        guard let chart = root.pairs?.first(where: { $0.keyText == "chart" })?.value, !chart.isNull else {
            return ChartSettings().version
        }
        guard let settings = chart.pairs else { return nil }
        guard let node = settings.first(where: { $0.keyText == "version" })?.value, !node.isNull else {
            return ChartSettings().version
        }
        return node.scalar.flatMap { ChartSettings.Version(rawValue: $0.text) }
    }

    // MARK: walking

    private mutating func check(_ node: YAMLNode, _ shape: ValueShape) {
        if node.isNull { return }
        switch shape {
        case .open:
            return
        case .scalar(let kinds):
            checkScalar(node, kinds)
        case .choice(let allowed):
            checkChoice(node, allowed)
        case .list(let item):
            guard let items = node.items else { return mismatch(node, shape) }
            for (index, child) in items.enumerated() {
                steps.append(.item(index))
                check(child, item)
                steps.removeLast()
            }
        case .map(let value):
            guard let pairs = node.pairs else { return mismatch(node, shape) }
            for pair in pairs {
                steps.append(.entry(pair.keyText))
                check(pair.value, value)
                steps.removeLast()
            }
        case .object(let object):
            guard let pairs = node.pairs else { return mismatch(node, shape) }
            checkObject(pairs, object, variant: nil)
        case .variants(let variants):
            guard let pairs = node.pairs else { return mismatch(node, shape) }
            let chosen = pairs.first { $0.keyText == variants.key }?.value.scalar?.text
            if let chosen, let object = variants.variants[chosen] {
                checkObject(pairs, object, variant: (variants.key, chosen))
            } else {
                checkObject(pairs, variants.union, variant: nil)
            }
        case .either(let shapes):
            guard let fitting = shapes.first(where: { Self.takes($0, node) }) else { return mismatch(node, shape) }
            check(node, fitting)
        }
    }

    /// The keys of a mapping with fixed keys; `variant` is the discriminator and its value when they chose them.
    private mutating func checkObject(
        _ pairs: [YAMLPair], _ object: ValueObject, variant: (key: String, value: String)?
    ) {
        for pair in pairs {
            let key = pair.keyText
            guard let shape = object.fields[key] else {
                unknownKey(pair.key, key, object.keys, variant: variant)
                continue
            }
            steps.append(.field(key, variant: variant?.value))
            check(pair.value, shape)
            steps.removeLast()
        }
    }

    private mutating func checkScalar(_ node: YAMLNode, _ kinds: ScalarKinds) {
        guard let scalar = node.scalar else { return mismatch(node, .scalar(kinds)) }
        let kind = Self.kind(of: scalar)
        if kinds.contains(kind) { return }
        if kind == .string, scalar.text.contains("${") { return }
        var message = "expected \(kinds.expectation) for \(field), found "
        if kind != .string {
            message += scalar.text + (kinds.contains(.string) ? "; quote it to make it a string" : "")
        } else if scalar.style != .plain, kinds.contains(Self.kind(of: YAMLScalar(text: scalar.text, style: .plain))) {
            message += "the quoted string \(Self.shown(scalar.text)); remove the quotes"
        } else {
            message += Self.summary(of: node)
        }
        error(at: node, message)
    }

    private mutating func checkChoice(_ node: YAMLNode, _ allowed: [String]) {
        guard let scalar = node.scalar else { return mismatch(node, .choice(allowed)) }
        if allowed.contains(scalar.text) || scalar.text.contains("${") { return }
        var message =
            "expected one of " + allowed.map { "'\($0)'" }.joined(separator: ", ") + " for \(field), found "
            + Self.summary(of: node)
        if let suggestion = NameSuggestion.nearest(to: scalar.text, in: allowed) {
            message += "; did you mean '\(suggestion)'?"
        }
        error(at: node, message)
    }

    private mutating func unknownKey(
        _ keyNode: YAMLNode, _ key: String, _ keys: [String], variant: (key: String, value: String)?
    ) {
        var message = "unknown key \(Self.shown(key)) "
        if let variant { message += "for \(variant.key) '\(variant.value)' " }
        message += "in '\(pathText)' in app '\(app)' (app-template \(version.rawValue))"
        let others = versions(having: key, variant: variant?.value)
        if !others.isEmpty {
            let names = others.map(\.rawValue)
            message +=
                "; app-template " + names.joined(separator: " and ") + (names.count == 1 ? " has it" : " have it")
        } else if let suggestion = NameSuggestion.nearest(to: key, in: keys) {
            message += "; did you mean '\(suggestion)'?"
        } else if keys.count <= Self.listedKeys {
            message += "; expected one of " + keys.map { "'\($0)'" }.joined(separator: ", ")
        }
        error(at: keyNode, message)
    }

    /// Up to how many keys a message about an unknown key lists; larger objects (pod options, containers) are
    /// better read in the chart's documentation than on one line.
    private static let listedKeys = 12

    private mutating func mismatch(_ node: YAMLNode, _ shape: ValueShape) {
        error(at: node, "expected \(shape.expectation) for \(field), found \(Self.summary(of: node))")
    }

    private mutating func error(at node: YAMLNode, _ message: String) {
        diagnostics.append(.error(at: node.position, message))
    }

    // MARK: texts and kinds

    /// The path of the current node: `values.controllers.plex.containers.app.args[0]`.
    private var pathText: String {
        var text = "values"
        for step in steps {
            switch step {
            case .field(let key, _), .entry(let key): text += "." + Self.escaped(key)
            case .item(let index): text += "[\(index)]"
            }
        }
        return text
    }

    // MARK: other chart versions

    /// The other supported chart versions that have `key` where the current node is (oldest first): a key
    /// copied from a repository on another chart version is the likely story of an unknown key.
    private func versions(having key: String, variant: String?) -> [ChartSettings.Version] {
        ChartSettings.Version.allCases.filter { $0.major != version.major }.filter { other in
            var shape = ChartValueShapes.root(for: other)
            for step in steps {
                guard let next = Self.child(of: shape, step) else { return false }
                shape = next
            }
            return Self.child(of: shape, .field(key, variant: variant)) != nil
        }
        .sorted { $0.major < $1.major }
    }

    /// The shape one step below `shape`, if `shape` has that step.
    private static func child(of shape: ValueShape, _ step: Step) -> ValueShape? {
        switch (shape, step) {
        case (.either(let shapes), _): shapes.lazy.compactMap { child(of: $0, step) }.first
        case (.object(let object), .field(let key, _)): object.fields[key]
        case (.variants(let variants), .field(let key, let variant)):
            (variant.flatMap { variants.variants[$0] } ?? variants.union).fields[key]
        case (.map(let value), .entry): value
        case (.list(let item), .item): item
        default: nil
        }
    }

    /// The current node for messages: `'values.controllers.plex.replicas' in app 'plex'`.
    private var field: String { "'\(pathText)' in app '\(app)'" }

    /// A node for messages: `'text'` (see ``shown(_:)``), `nothing`, `a sequence` or `a mapping`.
    private static func summary(of node: YAMLNode) -> String {
        guard let scalar = node.scalar, !scalar.text.isEmpty else { return node.summary }
        return shown(scalar.text)
    }

    /// User text for messages, in single quotes: at most 40 characters, control characters escaped so that a
    /// key or value cannot break the line or reach the terminal as an escape sequence.
    static func shown(_ text: String) -> String {
        let short =
            text.unicodeScalars.count > 40
            ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(40))) + "…" : text
        return "'" + escaped(short) + "'"
    }

    /// `text` with line breaks and other control characters written as `\n` or `\u{1B}`.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                result += "\\n"
            } else if isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// How the decoder types a scalar of `values:` (``ConfigDecoder/rawValue(_:_:)``): plain `true` and `false`
    /// are booleans, plain canonical decimal integers (``ConfigDecoder/isCanonicalInteger(_:)``) are integers.
    /// Read from the UTF-8 bytes: going through `Character`s cost most of the check.
    static func kind(of scalar: YAMLScalar) -> ScalarKinds {
        guard scalar.style == .plain else { return .string }
        var text = scalar.text
        return text.withUTF8 { bytes -> ScalarKinds in
            if bytes.elementsEqual("true".utf8) || bytes.elementsEqual("false".utf8) { return .boolean }
            let digits = bytes.first == UInt8(ascii: "-") ? bytes.dropFirst() : bytes[...]
            guard let first = digits.first, digits.count <= 18,
                digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                first != UInt8(ascii: "0") || digits.count == 1
            else { return .string }
            return .integer
        }
    }

    /// Whether `shape` is for the kind of node `node` is (scalar, list or mapping).
    private static func takes(_ shape: ValueShape, _ node: YAMLNode) -> Bool {
        switch (shape, node.content) {
        case (.open, _): true
        case (.scalar, .scalar), (.choice, .scalar): true
        case (.list, .sequence): true
        case (.map, .mapping), (.object, .mapping), (.variants, .mapping): true
        case (.either(let shapes), _): shapes.contains { takes($0, node) }
        default: false
        }
    }
}
