import Foundation

/// A value computed on a thread of its own while the caller goes on; ``value`` waits for it.
///
/// The new thread first waits to be handed its work, and the caller yields once before handing it over: a
/// thread woken from a wait runs at once on an idle core, while a thread that is new runs on its creator's
/// core until the scheduler next balances the load, a few milliseconds later, the length of a whole render
/// (`Benchmarks/thread-start.c`, `Benchmarks/README.md`).
final class Background<Value: Sendable>: @unchecked Sendable {
    /// Set by the thread before it signals ``finished``.
    private var result: Value?
    private let waiting = DispatchSemaphore(value: 0)
    private let handedOver = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts computing `work` on a new thread.
    init(_ work: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            waiting.signal()
            handedOver.wait()
            result = work()
            finished.signal()
        }
        waiting.wait()
        sched_yield()  // lets the thread, if it shares this core, go on to wait for its work
        handedOver.signal()
    }

    /// The value, once computed. Ask once.
    var value: Value {
        finished.wait()
        guard let result else { preconditionFailure("the thread signals only once it has set the result") }
        return result
    }
}
