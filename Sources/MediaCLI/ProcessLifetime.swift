import Synchronization

/// Values kept until the process exits, when the system takes back all their memory at once. Freeing a
/// render's config, stack, snapshot and plan object by object cost 0.5 M instructions at the end of every run
/// (clang's `-disable-free` skips the same work). Only ``MediaCommandLine/main()``, which exits right after,
/// turns it on: a command run in-process by a test keeps nothing.
enum ProcessLifetime {
    private static let keeping = Atomic<Bool>(false)
    /// Guards ``kept``.
    private static let lock = Mutex(())
    nonisolated(unsafe) private static var kept: [Any] = []

    /// Keeps every value handed to ``keep(_:)`` from now on, until the process exits.
    static func keepValuesUntilExit() { keeping.store(true, ordering: .relaxed) }

    /// Keeps `value` alive until the process exits, if ``keepValuesUntilExit()`` was called.
    static func keep(_ value: Any) {
        guard keeping.load(ordering: .relaxed) else { return }
        lock.withLock { _ in kept.append(value) }
    }
}
