import Dispatch
import Foundation

/// Runs independent pieces of work on all cores.
enum Parallel {
    /// Number of worker threads to use: the machine's active cores.
    static var width: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `body(i)` for each `i` in `0..<count`, concurrently; results in index order.
    static func map<T>(_ count: Int, _ body: (Int) throws -> T) rethrows -> [T] {
        if count <= 1 { return try (0..<count).map(body) }
        let results = UnsafeMutableBufferPointer<Result<T, Error>?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        let slots = UnsafeSendable(results)
        withoutActuallyEscaping(body) { body in
            let work = UnsafeSendable(body)
            DispatchQueue.concurrentPerform(iterations: count) { i in
                slots.value[i] = Result { try work.value(i) }
            }
        }
        return try results.map { try $0!.get() }
    }

    /// Runs the closures concurrently and waits for all of them.
    static func run(_ jobs: [() -> Void]) {
        _ = map(jobs.count) { jobs[$0]() }
    }
}

/// Carries a value across a concurrency boundary the caller has made safe (disjoint writes,
/// read-only sharing) in ways the type system cannot see.
struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
