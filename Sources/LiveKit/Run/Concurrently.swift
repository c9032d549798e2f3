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
