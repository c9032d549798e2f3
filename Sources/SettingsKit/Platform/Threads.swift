#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain POSIX threads, started in this one place. Work that may block (reading files,
/// waiting on the network) gets a thread of its own rather than a task of Swift
/// concurrency's cooperative pool, which must never be made to wait.
public enum Threads {
    /// Runs every body at once and returns when all have ended: each on a thread of its
    /// own but the first, which runs on this one. A body no thread could be had for runs
    /// here too, in turn: fewer threads, never less work.
    public static func runAll(_ bodies: [@Sendable () -> Void]) {
        guard let first = bodies.first else { return }
        var threads: [pthread_t] = []
        var here: [@Sendable () -> Void] = [first]
        for body in bodies.dropFirst() {
            if let thread = start(body, detached: false) { threads.append(thread) } else { here.append(body) }
        }
        for body in here { body() }
        for thread in threads { pthread_join(thread, nil) }
    }

    /// Starts `body` on a thread nobody waits for, and returns at once; when no thread can
    /// be had, the body runs here rather than not at all.
    public static func detach(_ body: @escaping @Sendable () -> Void) {
        if start(body, detached: true) == nil { body() }
    }

    /// Lowers this thread's priority (and so that of the threads it starts afterwards,
    /// which inherit it) below the interactive work of the machine: background judging
    /// takes only the CPU that the console's own input thread and the terminal emulator
    /// drawing its frames leave. On an idle machine it runs as fast as before.
    public static func lowerPriorityOfThisThread() {
        #if canImport(Glibc)
        // On Linux a nice value belongs to one thread: PRIO_PROCESS 0 is the calling one.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }

    private final class Box: Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// The thread running `body`, or nil when none could be started.
    private static func start(_ body: @escaping @Sendable () -> Void, detached: Bool) -> pthread_t? {
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let started = pthread_create(
            &thread, nil,
            { context in
                Unmanaged<Box>.fromOpaque(context!).takeRetainedValue().body()
                return nil
            }, box)
        guard started == 0 else {
            Unmanaged<Box>.fromOpaque(box).release()
            return nil
        }
        #if canImport(Glibc)
        if detached { pthread_detach(thread) }
        return thread
        #else
        if detached { pthread_detach(thread!) }
        return thread!
        #endif
    }
}
