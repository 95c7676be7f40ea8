import Foundation

/// A bounded first-in first-out hand-over of numbered blocks from one producer thread to parser threads.
///
/// The producer waits while `capacity` blocks are waiting, so decompressing ahead of the parsers holds at most
/// `capacity` blocks in memory besides the ones being parsed and filled.
final class BlockQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [(index: Int, block: MappedFile)] = []
    private var next = 0
    private var finished = false
    private var cancelled = false
    private(set) var failure: Error?
    let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Adds the next block; false when the consumers gave up (the producer should stop).
    func put(_ block: MappedFile) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= capacity, !cancelled { condition.wait() }
        guard !cancelled else { return false }
        waiting.append((next, block))
        next += 1
        condition.broadcast()
        return true
    }

    /// The oldest waiting block with its number, or nil once the producer finished and nothing waits (or after `cancel`).
    func take() -> (index: Int, block: MappedFile)? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty, !finished, !cancelled { condition.wait() }
        guard !cancelled, !waiting.isEmpty else { return nil }
        let first = waiting.removeFirst()
        condition.broadcast()
        return first
    }

    /// The producer is done, with the error that stopped it if any.
    func finish(error: Error?) {
        condition.lock()
        failure = error
        finished = true
        if error != nil { cancelled = true }
        condition.broadcast()
        condition.unlock()
    }

    /// Stops both sides: a block failed to parse, so the rest of the file is not needed.
    func cancel() {
        condition.lock()
        cancelled = true
        waiting.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

/// Counts decompressed blocks alive at once (a test hook: a streamed load must never hold the whole
/// decompressed file, so its peak stays near the queue's capacity plus one block per thread).
final class LiveBlocks: @unchecked Sendable {
    static let shared = LiveBlocks()
    private let lock = NSLock()
    private var live = 0
    /// The most blocks alive at once since the last `resetPeak()`.
    private(set) var peak = 0

    func opened() {
        lock.lock()
        live += 1
        peak = max(peak, live)
        lock.unlock()
    }

    func closed() {
        lock.lock()
        live -= 1
        lock.unlock()
    }

    /// Starts a new measurement from the blocks alive now.
    func resetPeak() {
        lock.lock()
        peak = live
        lock.unlock()
    }
}
