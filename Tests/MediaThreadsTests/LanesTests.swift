import Dispatch
import MediaThreads
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("lanes, helper threads and pinned threads", .serialized)
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
    func pinnedThreadJoins() throws {
        let record = Record(count: 1)
        let thread = try #require(
            PinnedThread {
                usleep(2_000)
                record.call(0)
            })
        thread.join()
        #expect(record.calls == [1])
    }

    @Test("a helper runs its jobs one after another, in the order they were handed over")
    func helperRunsInOrder() throws {
        let helper = try #require(HelperThread.numbered(0))
        let order = Mutex<[Int]>([])
        let done = DispatchSemaphore(value: 0)
        for job in 0..<20 {
            helper.run {
                usleep(job == 0 ? 2_000 : 0)  // the first is slowest: a second thread would finish others first
                order.withLock { $0.append(job) }
                if job == 19 { done.signal() }
            }
        }
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(order.withLock { $0 } == Array(0..<20))
    }

    @Test("the caller does not wait for a helper busy with an earlier job; it runs every iteration itself")
    func busyHelperIsNotWaitedFor() throws {
        let helper = try #require(HelperThread.numbered(0))
        let release = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        helper.run {
            _ = release.wait(timeout: .now() + 10)
            released.signal()
        }
        let record = Record(count: 30)
        let start = DispatchTime.now()
        Lanes.run(iterations: 30, lanes: 2) { index in record.call(index) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        release.signal()
        #expect(released.wait(timeout: .now() + 10) == .success)
        #expect(record.calls == Array(repeating: 1, count: 30))
        #expect(record.threadCount == 1)
        #expect(seconds < 5, "Lanes.run waited \(seconds) s for the busy helper")
    }

    @Test("on a helper, Lanes runs every iteration on that helper instead of waiting for itself")
    func lanesOnAHelper() throws {
        let helper = try #require(HelperThread.numbered(0))
        let record = Record(count: 50)
        let done = DispatchSemaphore(value: 0)
        helper.run {
            #expect(HelperThread.isCurrent)
            Lanes.run(iterations: 50, lanes: 4) { index in record.call(index) }
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(record.calls == Array(repeating: 1, count: 50))
        #expect(record.threadCount == 1)
        #expect(!HelperThread.isCurrent)
    }
}
