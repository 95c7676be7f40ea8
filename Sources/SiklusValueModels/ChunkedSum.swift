import Dispatch

/// Σ body(i) over 0..<count, in a fixed number of chunks summed concurrently and then added in chunk order,
/// so the result is the same bits on any number of cores (a likelihood evaluation must not depend on the
/// machine, or the optimiser's path would).
enum ChunkedSum {
    /// Chunks of a large sum; small sums are added serially.
    static let chunks = 8
    static let serialBelow = 32_768

    static func sum(_ count: Int, _ body: (Range<Int>) -> Double) -> Double {
        guard count >= serialBelow else { return body(0..<count) }
        var partials = [Double](repeating: 0, count: chunks)
        partials.withUnsafeMutableBufferPointer { out in
            let slots = UnsafeSendable(out)
            withoutActuallyEscaping(body) { body in
                let work = UnsafeSendable(body)
                DispatchQueue.concurrentPerform(iterations: chunks) { k in
                    slots.value[k] = work.value((count * k / chunks)..<(count * (k + 1) / chunks))
                }
            }
        }
        return partials.reduce(0, +)
    }
}

/// A value shared across the chunks of `ChunkedSum`, each writing only its own slot.
private struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
