import CMediaLinux

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A POSIX thread started on another CPU than the caller's, where the platform allows choosing.
///
/// The first thread a fresh mediactl process creates was often queued behind the busy thread that created it,
/// on the same core, for about 2 ms, while the other core of the 2-core machines mediactl is measured on stayed
/// idle; Dispatch's workers and Foundation's `Thread` are placed the same way. Pinned to the other core, it
/// starts within 0.1 ms (`Benchmarks/thread-start.c`, 100 fresh processes each way: median 2.0 ms placed by
/// the scheduler, 85 of them over 0.5 ms; median 0.07 ms pinned, none over 0.13 ms).
public struct PinnedThread {
    private let thread: pthread_t

    /// Starts `body` on a new thread, pinned to the `away`-th CPU other than the caller's when there is one.
    /// Nil when no thread could be created; `body` has then not run.
    public init?(away: Int = 0, _ body: @escaping @Sendable () -> Void) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        _ = cmedialinux_pin_away(&attributes, Int32(away))
        let context = Unmanaged.passRetained(Work(body)).toOpaque()
        #if canImport(Glibc)
            var created = pthread_t()
        #else
            var created: pthread_t?
        #endif
        guard pthread_create(&created, &attributes, Self.entry, context) == 0 else {
            Unmanaged<Work>.fromOpaque(context).release()
            return nil
        }
        #if canImport(Glibc)
            thread = created
        #else
            guard let created else { return nil }  // set whenever `pthread_create` succeeds
            thread = created
        #endif
    }

    /// The thread's start routine: runs the ``Work`` passed as its context and releases it.
    #if canImport(Glibc)
        private static let entry: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = {
            context in
            if let context { Unmanaged<Work>.fromOpaque(context).takeRetainedValue().run() }
            return nil
        }
    #else
        private static let entry: @convention(c) (UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? = {
            context in
            Unmanaged<Work>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }
    #endif

    /// Waits until the thread has finished. Call either this or ``detach()``, once.
    public func join() {
        pthread_join(thread, nil)
    }

    /// Lets the thread finish on its own; its resources are released when it does.
    public func detach() {
        pthread_detach(thread)
    }

    /// The closure, kept alive by the thread until it has run.
    private final class Work: @unchecked Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
        func run() { body() }
    }
}
