import SettingsKit

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
