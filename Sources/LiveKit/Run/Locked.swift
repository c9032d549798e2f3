import SettingsKit

/// A value many threads share, behind a mutex.
public final class Locked<Value>: @unchecked Sendable {
    private let monitor = Monitor()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    public func with<T>(_ body: (inout Value) -> T) -> T { monitor.locked { body(&value) } }
}
