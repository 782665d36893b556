import CMediaLinux
import Dispatch
import Synchronization

/// Runs the iterations of a loop on several threads: the caller's and the shared helpers on other CPUs
/// (``HelperThread``). Each thread takes the next iteration not yet taken, so a helper that starts late (it
/// finishes the jobs handed to it before), or a long iteration, does not leave the others waiting.
public enum Lanes {
    /// How many threads can run at once: the CPUs this process may run on. Foundation's
    /// `activeProcessorCount` also reads the cgroup's CPU quota from files, a fifth of a millisecond before
    /// a render can start its snapshot; a quota limits CPU time, not how many threads run side by side.
    public static let available = Int(cmedialinux_usable_cpus())

    /// Calls `body` once for each of `0..<iterations` on up to `lanes` threads, and returns when all calls
    /// have returned. The order of the calls is not defined, and calls run at the same time on different
    /// threads: `body` must only touch what its iteration owns (its own slot of a buffer, say).
    ///
    /// A helper still busy with earlier jobs when the caller has taken the last iteration is not waited for.
    /// Called on a helper, everything runs on that helper.
    public static func run(iterations: Int, lanes: Int, _ body: (Int) -> Void) {
        let helpers = min(lanes, iterations) - 1
        guard helpers > 0, !HelperThread.isCurrent else {
            for index in 0..<iterations { body(index) }
            return
        }
        let next = Counter()
        withoutActuallyEscaping(body) { body in
            var shares: [Share] = []
            for number in 0..<helpers {
                guard let helper = HelperThread.numbered(number) else { break }
                let share = Share(body: body, iterations: iterations, next: next)
                helper.run { share.take() }
                shares.append(share)
            }
            drain(body, iterations: iterations, next: next)
            // Every share lets go of `body` before this returns, so `body` does not outlive the call.
            for share in shares { share.end() }
        }
    }

    /// Calls `body` with each iteration not yet taken, until none is left.
    private static func drain(_ body: (Int) -> Void, iterations: Int, next: Counter) {
        while true {
            let index = next.take()
            guard index < iterations else { return }
            body(index)
        }
    }

    /// The next iteration to take, shared by the threads.
    private final class Counter: Sendable {
        private let value = Atomic<Int>(0)

        /// The next index, counting up from 0 across all callers.
        func take() -> Int { value.add(1, ordering: .relaxed).oldValue }
    }

    /// One helper's part of a run: the helper takes it when it gets to it (``take()``), unless the caller,
    /// done first, has withdrawn it (``end()``).
    private final class Share: @unchecked Sendable {
        private static let waiting = 0
        private static let taken = 1
        private static let withdrawn = 2

        private let state = Atomic<Int>(Share.waiting)
        /// Touched by the helper only once it has taken the share, and by the caller only once the helper
        /// has finished or can no longer take it.
        private var body: ((Int) -> Void)?
        private let iterations: Int
        private let next: Counter
        private let finished = DispatchSemaphore(value: 0)

        init(body: @escaping (Int) -> Void, iterations: Int, next: Counter) {
            self.body = body
            self.iterations = iterations
            self.next = next
        }

        /// On the helper: takes iterations until none is left, unless the share was withdrawn.
        func take() {
            let taken = state.compareExchange(
                expected: Share.waiting, desired: Share.taken, ordering: .acquiringAndReleasing
            ).exchanged
            guard taken else { return }
            drainAndLetGo()
            finished.signal()
        }

        /// Runs the iterations left and drops `body`, so that no reference to it is left once the caller has
        /// been told the share is finished.
        private func drainAndLetGo() {
            if let body { drain(body, iterations: iterations, next: next) }
            body = nil
        }

        /// On the caller, once it found no iteration left: withdraws the share if the helper has not taken
        /// it, else waits until the helper has finished its iterations.
        func end() {
            let withdrawn = state.compareExchange(
                expected: Share.waiting, desired: Share.withdrawn, ordering: .acquiringAndReleasing
            ).exchanged
            if withdrawn {
                body = nil
            } else {
                finished.wait()
            }
        }
    }
}
