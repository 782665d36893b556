/// CPU and memory requests and limits, as Kubernetes quantity strings.
public struct ResourceRequirements: Hashable, Sendable {
    /// CPU and memory amounts.
    public struct Amounts: Hashable, Sendable {
        /// CPU, such as `100m` or `2`.
        public var cpu: String?
        /// Memory, such as `128Mi`.
        public var memory: String?

        /// Creates amounts.
        public init(cpu: String? = nil, memory: String? = nil) {
            self.cpu = cpu
            self.memory = memory
        }
    }

    /// What the scheduler reserves.
    public var requests = Amounts()
    /// What the container may use at most.
    public var limits = Amounts()

    /// Creates requirements.
    public init(requests: Amounts = Amounts(), limits: Amounts = Amounts()) {
        self.requests = requests
        self.limits = limits
    }
}
