import Dispatch
import Foundation

/// Runs independent pieces of work on all cores.
public enum Parallel {
    /// Number of worker threads to use: the machine's active cores.
    public static var width: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `0..<count` cut into one contiguous range per core (fewer when `count` is small).
    public static func ranges(_ count: Int, minimumPerPart: Int = 4096) -> [Range<Int>] {
        let parts = max(1, min(width, count / max(1, minimumPerPart)))
        return (0..<parts).map { k in (count * k / parts)..<(count * (k + 1) / parts) }
    }

    /// `body(range)` for each range, concurrently.
    public static func forEach(_ ranges: [Range<Int>], _ body: (Range<Int>) -> Void) {
        _ = map(ranges.count) { body(ranges[$0]) }
    }

    /// `body(i)` for each `i` in `0..<count`, concurrently; results in index order.
    public static func map<T>(_ count: Int, _ body: (Int) throws -> T) rethrows -> [T] {
        if count <= 1 { return try (0..<count).map(body) }
        let results = UnsafeMutableBufferPointer<Result<T, Error>?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        let slots = SendableBox(results)
        withoutActuallyEscaping(body) { body in
            let work = SendableBox(body)
            DispatchQueue.concurrentPerform(iterations: count) { i in
                slots.value[i] = Result { try work.value(i) }
            }
        }
        return try results.map { try $0!.get() }
    }

    /// Runs the closures concurrently and waits for all of them.
    public static func run(_ jobs: [() -> Void]) {
        _ = map(jobs.count) { jobs[$0]() }
    }
}

/// Carries a value across a concurrency boundary the caller has made safe (disjoint writes,
/// read-only sharing) in ways the type system cannot see.
public struct SendableBox<T>: @unchecked Sendable {
    public let value: T
    public init(_ value: T) { self.value = value }
}
