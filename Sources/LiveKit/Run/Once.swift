import SettingsKit

/// A value worked out once, by the first thread that asks; the others wait for it.
final class Once<Value: Sendable>: @unchecked Sendable {
    private let monitor = Monitor()
    private var value: Value?
    private var started = false

    func get(_ make: () -> Value) -> Value {
        // Nil: this thread is the first, and makes it.
        let known = monitor.locked { () -> Value? in
            if let value { return value }
            if started {
                while value == nil { monitor.wait() }
                return value
            }
            started = true
            return nil
        }
        if let known { return known }
        let made = make()
        monitor.locked {
            value = made
            monitor.broadcast()
        }
        return made
    }
}
