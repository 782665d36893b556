import MediaThreads
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("lanes and pinned threads")
struct LanesTests {
    /// How often each index was called, and from which threads.
    private final class Record: Sendable {
        private let state: Mutex<(calls: [Int], threads: Set<String>)>

        init(count: Int) { state = Mutex((Array(repeating: 0, count: count), [])) }

        func call(_ index: Int) {
            let thread = String(describing: pthread_self())
            state.withLock { state in
                state.calls[index] += 1
                state.threads.insert(thread)
            }
        }

        var calls: [Int] { state.withLock { $0.calls } }
        var threadCount: Int { state.withLock { $0.threads.count } }
    }

    @Test("every iteration runs exactly once, whatever the number of lanes", arguments: [1, 2, 3, 8])
    func everyIterationOnce(lanes: Int) {
        for iterations in [0, 1, 2, 7, 500] {
            let record = Record(count: iterations)
            Lanes.run(iterations: iterations, lanes: lanes) { index in record.call(index) }
            #expect(record.calls == Array(repeating: 1, count: iterations), "\(iterations) on \(lanes) lanes")
        }
    }

    @Test("with two lanes and slow iterations, the helper thread takes some of them")
    func helperTakesWork() {
        let record = Record(count: 40)
        Lanes.run(iterations: 40, lanes: 2) { index in
            usleep(500)
            record.call(index)
        }
        #expect(record.calls == Array(repeating: 1, count: 40))
        #expect(record.threadCount == 2)
    }

    @Test("a pinned thread runs its work, and join waits for it")
    func pinnedThreadJoins() {
        let record = Record(count: 1)
        let thread = PinnedThread {
            usleep(2_000)
            record.call(0)
        }
        thread.join()
        #expect(record.calls == [1])
    }
}
