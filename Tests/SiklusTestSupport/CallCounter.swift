import Foundation

/// Counts calls from any thread: how often a test's `isCancelled` was asked.
public final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    public init() {}

    /// Counts one call and returns the count so far.
    public func next() -> Int { lock.withLock { count += 1; return count } }

    /// The calls counted so far.
    public var value: Int { lock.withLock { count } }
}
