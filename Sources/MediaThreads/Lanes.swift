import Synchronization

/// Runs the iterations of a loop on several threads: the caller's and helpers on other CPUs
/// (``PinnedThread``). Each thread takes the next iteration not yet taken, so a helper that starts late, or
/// a long iteration, does not leave the others waiting.
public enum Lanes {
    /// Calls `body` once for each of `0..<iterations` on up to `lanes` threads, and returns when all calls
    /// have returned. The order of the calls is not defined, and calls run at the same time on different
    /// threads: `body` must only touch what its iteration owns (its own slot of a buffer, say).
    public static func run(iterations: Int, lanes: Int, _ body: (Int) -> Void) {
        let helpers = min(lanes, iterations) - 1
        guard helpers > 0 else {
            for index in 0..<iterations { body(index) }
            return
        }
        let next = Counter()
        withoutActuallyEscaping(body) { body in
            // Every helper is joined before this returns, so `body` does not outlive the call.
            nonisolated(unsafe) let body = body
            let drain = { @Sendable in
                while true {
                    let index = next.take()
                    guard index < iterations else { return }
                    body(index)
                }
            }
            var threads: [PinnedThread] = []
            for helper in 0..<helpers { threads.append(PinnedThread(away: helper, drain)) }
            drain()
            while let thread = threads.popLast() { thread.join() }
        }
    }

    /// The next iteration to take, shared by the threads.
    private final class Counter: Sendable {
        private let value = Atomic<Int>(0)

        /// The next index, counting up from 0 across all callers.
        func take() -> Int { value.add(1, ordering: .relaxed).oldValue }
    }
}
