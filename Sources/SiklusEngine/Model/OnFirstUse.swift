import Foundation

/// A value computed by the first reader, under a lock, then shared (facts only some queries read).
final class OnFirstUse<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var computed: Value?
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var isComputed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return computed != nil
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let computed { return computed }
        let value = make()
        computed = value
        return value
    }
}
