#if canImport(Glibc)
import Glibc
#endif

/// Runs pieces of work at once on plain threads and waits for all of them: the live
/// checks of one file wait on the network, not the processor, so each gets a thread.
enum Concurrently {
    static func run(_ bodies: [@Sendable () -> Void]) {
        guard let first = bodies.first else { return }
        var threads: [pthread_t] = []
        var inline: [@Sendable () -> Void] = [first]
        for body in bodies.dropFirst() {
            let box = Unmanaged.passRetained(Box(body)).toOpaque()
            var thread = pthread_t()
            let started = pthread_create(
                &thread, nil,
                { context in
                    Unmanaged<Box>.fromOpaque(context!).takeRetainedValue().body()
                    return nil
                }, box)
            if started == 0 {
                threads.append(thread)
            } else {
                Unmanaged<Box>.fromOpaque(box).release()
                inline.append(body)  // no thread to be had: done here, in turn
            }
        }
        for body in inline { body() }
        for thread in threads { pthread_join(thread, nil) }
    }

    private final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// Starts `body` on a thread of its own and returns at once.
    static func detach(_ body: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let started = pthread_create(
            &thread, &attributes,
            { context in
                Unmanaged<Box>.fromOpaque(context!).takeRetainedValue().body()
                return nil
            }, box)
        pthread_attr_destroy(&attributes)
        if started != 0 {
            Unmanaged<Box>.fromOpaque(box).release()
            body()
        }
    }
}

/// A mutex and condition at fixed addresses (a class's stored properties may move, so
/// pthread objects are allocated, as ParallelAudit's are).
final class Monitor: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    /// Waits for a signal; call with the lock held (inside `locked`).
    func wait() { pthread_cond_wait(condition, mutex) }

    func broadcast() { pthread_cond_broadcast(condition) }
}

/// A value worked out once, by the first thread that asks; the others wait for it.
final class Once<Value: Sendable>: @unchecked Sendable {
    private let monitor = Monitor()
    private var value: Value?
    private var started = false

    func get(_ make: () -> Value) -> Value {
        let (known, mine) = monitor.locked { () -> (Value?, Bool) in
            if let value { return (value, false) }
            if started {
                while value == nil { monitor.wait() }
                return (value, false)
            }
            started = true
            return (nil, true)
        }
        if let known, !mine { return known }
        let made = make()
        monitor.locked {
            value = made
            monitor.broadcast()
        }
        return made
    }
}

/// A value many threads share, behind a mutex.
public final class Locked<Value>: @unchecked Sendable {
    private let monitor = Monitor()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    public func with<T>(_ body: (inout Value) -> T) -> T { monitor.locked { body(&value) } }
}
