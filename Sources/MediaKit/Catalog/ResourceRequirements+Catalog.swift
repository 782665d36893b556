extension ResourceRequirements {
    /// Catalog resources: CPU and memory requested, memory limited (CPU limits throttle; most media
    /// apps are better without one).
    static func requests(cpu: String, memory: String, memoryLimit: String) -> ResourceRequirements {
        ResourceRequirements(requests: Amounts(cpu: cpu, memory: memory), limits: Amounts(memory: memoryLimit))
    }
}
