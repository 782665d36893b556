import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A thread on another CPU than the one that started it (``PinnedThread``), which runs the jobs handed to it
/// one after another, in the order they were handed over, and waits while it has none. The helpers are shared
/// by the whole process (``numbered(_:)``) and live as long as it does.
///
/// Sharing them is what puts the work of a render in the right order on the second core: the tree snapshot's
/// walk is handed to helper 0 as soon as the config is found, and the emitting lane handed to it later starts
/// when the walk is done instead of competing with it for that core, so the walk (which the plan waits for)
/// ends about a millisecond sooner in a 40-app render. The lane also starts without creating a thread.
public final class HelperThread: Sendable {
    /// The jobs handed over and not yet started, oldest first.
    private let jobs = Mutex<[@Sendable () -> Void]>([])
    /// Signalled once per job handed over.
    private let handedOver = DispatchSemaphore(value: 0)

    private init() {}

    /// The helpers started so far, by number.
    private static let started = Mutex<[HelperThread]>([])

    /// The thread-specific key that marks a helper's own thread (``isCurrent``).
    private static let helperKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Helper number `index` (0 for the first), started now if it has not been: pinned to the `index`-th CPU
    /// other than the caller's, where the platform allows choosing. Nil when its thread cannot be created.
    public static func numbered(_ index: Int) -> HelperThread? {
        started.withLock { helpers in
            while helpers.count <= index {
                let helper = HelperThread()
                guard let thread = PinnedThread(away: helpers.count, { helper.serve() }) else { return nil }
                thread.detach()
                helpers.append(helper)
            }
            return helpers[index]
        }
    }

    /// Whether the caller is running on a helper: a job that waits for other jobs to run on the helpers
    /// could wait for itself.
    public static var isCurrent: Bool { pthread_getspecific(helperKey) != nil }

    /// Runs `job` on this helper once the jobs handed to it earlier have run.
    public func run(_ job: @escaping @Sendable () -> Void) {
        jobs.withLock { $0.append(job) }
        handedOver.signal()
    }

    /// The helper's thread: runs each job as it comes, forever.
    private func serve() {
        pthread_setspecific(Self.helperKey, UnsafeRawPointer(bitPattern: 1))
        while true {
            handedOver.wait()
            let job = jobs.withLock { $0.removeFirst() }
            job()
        }
    }
}
