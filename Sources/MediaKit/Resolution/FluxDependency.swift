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
        let left = (lhs.namespace ?? "", lhs.name)
        let right = (rhs.namespace ?? "", rhs.name)
        return left.0 == right.0
            ? left.1.utf8.lexicographicallyPrecedes(right.1.utf8) : left.0.utf8.lexicographicallyPrecedes(right.0.utf8)
    }
}
