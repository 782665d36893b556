/// The cluster-wide read access a dashboard needs to list the stack's apps from their Ingresses and routes
/// (Homepage's Kubernetes mode, gethomepage.dev "Kubernetes" installation): mediactl runs the app under a
/// ServiceAccount of its name, bound to a ClusterRole of its name with these rules, mounts the config file that
/// turns the mode on, and marks every other exposed app of the stack for it. `discovery: false` on the app turns
/// all of it off.
public struct ClusterDiscovery: Hashable, Sendable {
    /// One rule of the ClusterRole.
    public struct Rule: Hashable, Sendable {
        /// API groups; `""` is the core group.
        public var apiGroups: [String]
        /// Resources of those groups.
        public var resources: [String]
        /// What the app may do with them.
        public var verbs: [String]

        /// Creates a rule.
        public init(apiGroups: [String], resources: [String], verbs: [String] = ["get", "list"]) {
            self.apiGroups = apiGroups
            self.resources = resources
            self.verbs = verbs
        }
    }

    /// The rules of the ClusterRole, in the order they are written.
    public var rules: [Rule]
    /// The config file that turns discovery on; `{ingress}` and `{gateway}` stand for `true` or `false` by the
    /// stack's exposure mode.
    public var configFile: ConfigFileSpec

    /// Creates the access.
    public init(rules: [Rule], configFile: ConfigFileSpec) {
        self.rules = rules
        self.configFile = configFile
    }
}
