/// One entry of a Flux Kustomization's `dependsOn`.
public struct FluxDependency: Hashable, Sendable, Comparable {
    /// The Kustomization's name.
    public var name: String
    /// Its namespace; nil means the dependent's own namespace (Flux's default).
    public var namespace: String?

    /// Creates a dependency.
    public init(name: String, namespace: String?) {
        self.name = name
        self.namespace = namespace
    }

    /// Sorted by namespace, then name (UTF-8 bytes), for stable output.
    public static func < (lhs: FluxDependency, rhs: FluxDependency) -> Bool {
        let (left, right) = (lhs.namespace ?? "", rhs.namespace ?? "")
        return left == right ? lhs.name.precedesInByteOrder(rhs.name) : left.precedesInByteOrder(right)
    }
}
