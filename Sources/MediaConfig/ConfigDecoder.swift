import MediaKit
import MediaYAML

/// Decodes the node tree of `mediactl.yaml` (version 1) into a ``Stack`` with every default applied,
/// collecting every problem as a located ``Diagnostic`` instead of stopping at the first.
///
/// Strict by design: unknown keys are errors with a "did you mean"; booleans are `true`/`false`
/// only; integers are plain decimals; names are DNS-1123 labels; references between sections
/// (mounts, `storage.media`) must resolve.
public struct ConfigDecoder {
    /// Every problem found so far, in the order found.
    public internal(set) var diagnostics: [Diagnostic] = []

    /// The config format version this decoder reads.
    public static let supportedVersion = 1

    /// Creates a decoder.
    public init() {}

    /// Decodes `root` (nil for an empty file). The returned stack holds what could be decoded;
    /// it is only meaningful when ``diagnostics`` has no errors.
    public mutating func decode(_ root: YAMLNode?) -> Stack {
        var stack = Stack()
        guard let root else {
            diagnostics.append(
                .error(
                    at: SourcePosition(line: 1, column: 1),
                    "the file holds no settings; expected 'version: 1' and 'apps:'"))
            return stack
        }
        guard let pairs = root.pairs else {
            error(root, "expected a mapping with 'version' and 'apps' at the top level, found \(root.summary)")
            return stack
        }
        let scope = ConfigScope.root
        // Sections that others refer to are decoded first; diagnostics are sorted by position later.
        let ordered = pairs.sorted { rank($0.keyText) < rank($1.keyText) }
        var sawVersion = false
        var sawApps = false
        // The keys of `ConfigKeys.root`, and no others (as in an app).
        for pair in ordered {
            guard ConfigKeys.root.names.contains(pair.keyText) else {
                unknownKey(pair, in: scope, allowed: ConfigKeys.root.names)
                continue
            }
            let value = pair.value
            switch pair.keyText {
            case "version":
                sawVersion = true
                decodeVersion(value)
            case "repo": if let repo = decodeRepo(value) { stack.repo = repo }
            case "cluster": if let cluster = decodeCluster(value) { stack.cluster = cluster }
            case "chart": if let chart = decodeChart(value) { stack.chart = chart }
            case "namespace":
                if let namespace = namespace(value, scope.field("namespace")) { stack.namespace = namespace }
            case "exposure": if let exposure = decodeExposure(value) { stack.exposure = exposure }
            case "storage": if let storage = decodeStorage(value) { stack.storage = storage }
            case "backups": if let backups = decodeBackups(value) { stack.backups = backups }
            case "monitoring": if let monitoring = decodeMonitoring(value) { stack.monitoring = monitoring }
            case "networkPolicies":
                stack.networkPolicies = decodeNetworkPolicies(value)
            case "apps":
                sawApps = true
                stack.apps = decodeApps(value, storage: stack.storage)
            default: unknownKey(pair, in: scope, allowed: ConfigKeys.root.names)
            }
        }
        if !sawVersion { error(root, "missing required key 'version'; add 'version: 1' at the top") }
        if !sawApps { error(root, "missing required key 'apps'; list the apps to deploy under 'apps:'") }
        return stack
    }

    private func rank(_ key: String) -> Int {
        ["storage": 0, "apps": 2][key] ?? 1
    }

    private mutating func decodeVersion(_ node: YAMLNode) {
        if node.isNull {
            error(node, "missing value for required key 'version'; write 'version: 1'")
            return
        }
        guard let version = integer(node, "'version'", in: Int.min...Int.max) else { return }
        if version != Self.supportedVersion {
            error(node, "unsupported config version \(version); this mediactl reads version \(Self.supportedVersion)")
        }
    }
}
