import CMemoryHints
import Foundation

/// Memory for a load's column buffers (the parser's, one per column and chunk, and the sort's carried codes):
/// large ones in mappings of their own, so that once read their pages can move into the next array the
/// load writes (`RecycledPages`) instead of being unmapped while that array faults in fresh ones.
///
/// On this kind of VM a fresh 4 KiB page costs ~2 µs to fault in (trap, zeroing, accounting): 81 ms of a
/// core per 155 MB, where moving the same pages with `mremap` takes under 1 ms. Buffers under
/// `mappingThreshold` come from malloc, as before: a gzip file's per-block buffers are small and many, and a
/// mapping each would spend the process's mapping count.
///
/// Every buffer from `allocate` must be freed by `deallocate` (never by `UnsafeMutablePointer.deallocate`):
/// a mapped buffer is found by its address in `sizes`, a small one is handed to `free`.
enum ColumnMemory {
    /// Buffers of this many bytes or more are mapped (tests lower it to map every buffer).
    nonisolated(unsafe) static var mappingThreshold = 4 << 20

    private static let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    private static let lock = NSLock()
    /// Mapped bytes by the address of each live mapped buffer.
    nonisolated(unsafe) private static var sizes: [UInt: Int] = [:]

    /// Room for `capacity` values of `T`, uninitialised (a mapped buffer reads as zeros).
    /// - Complexity: O(1); the pages are faulted in as they are first written.
    static func allocate<T>(_: T.Type = T.self, capacity: Int) -> UnsafeMutablePointer<T> {
        guard isMapped(T.self, capacity: capacity) else { return .allocate(capacity: max(1, capacity)) }
        let mapped = roundedUp(max(1, capacity) * MemoryLayout<T>.stride)
        guard let p = siklus_map(mapped) else { fatalError("out of memory: a column buffer of \(mapped) bytes") }
        lock.withLock { sizes[UInt(bitPattern: p)] = mapped }
        return p.bindMemory(to: T.self, capacity: capacity)
    }

    /// Whether `allocate` maps room for `capacity` values of `T` (else it comes from malloc).
    static func isMapped<T>(_: T.Type, capacity: Int) -> Bool {
        max(1, capacity) * MemoryLayout<T>.stride >= mappingThreshold && MemoryLayout<T>.alignment <= page
    }

    /// `p`'s first `count` values in room for `capacity` (≥ `count`); `p` is gone. A mapped buffer keeps its
    /// pages (they move, when they must, with the mapping): no value is copied.
    /// - Complexity: O(1) for a mapped buffer, O(count) otherwise.
    static func reallocate<T>(_ p: UnsafeMutablePointer<T>, count: Int, capacity: Int) -> UnsafeMutablePointer<T> {
        let key = UInt(bitPattern: p)
        if let old = lock.withLock({ sizes[key] }) {
            let mapped = roundedUp(max(1, capacity) * MemoryLayout<T>.stride)
            if let q = siklus_resize_map(p, old, mapped) {
                lock.withLock { sizes[key] = nil; sizes[UInt(bitPattern: q)] = mapped }
                return q.bindMemory(to: T.self, capacity: capacity)
            }
        }
        let q = allocate(T.self, capacity: capacity)
        q.moveInitialize(from: p, count: count)
        deallocate(p)
        return q
    }

    /// Frees a buffer from `allocate` (nil: nothing). A mapped one's pages go to `recycling` when given (its
    /// contents are no longer needed), else back to the kernel.
    static func deallocate<T>(_ p: UnsafeMutablePointer<T>?, recycling: RecycledPages? = nil) {
        guard let p else { return }
        let raw = UnsafeMutableRawPointer(p)
        guard let mapped = lock.withLock({ sizes.removeValue(forKey: UInt(bitPattern: raw)) }) else {
            p.deallocate()
            return
        }
        if let recycling { recycling.donate(raw, bytes: mapped) } else { siklus_unmap_zeroed(raw, mapped) }
    }

    /// Faults in, writable, the whole pages of `bytes` at `start` (memory about to be written whole), in one
    /// call per core for large spans: the kernel zeroes the same pages without a trap per page, and the writer
    /// then runs without interruption (512 MB of fresh pages on this VM, in C: 245–272 ms faulted by writes,
    /// 190–218 ms populated). Pages already present keep what they hold. A kernel without
    /// `MADV_POPULATE_WRITE` (before 5.14) refuses, and the pages fault in as they are written.
    /// - Complexity: O(pages), on all cores when `concurrently` and the span is larger than a few MiB.
    static func populate(_ start: UnsafeMutableRawPointer, bytes: Int, concurrently: Bool = true) {
        let from = roundedUp(Int(bitPattern: start)), to = (Int(bitPattern: start) + bytes) / page * page
        guard to - from >= page else { return }
        let pages = (to - from) / page, base = SendableBox(from)
        let parts = concurrently ? Parallel.ranges(pages, minimumPerPart: (4 << 20) / page) : [0..<pages]
        Parallel.forEach(parts) { part in
            siklus_populate(UnsafeMutableRawPointer(bitPattern: base.value + part.lowerBound * page), part.count * page)
        }
    }

    /// Arrays under this many bytes are left to fault in as they are written: most come from malloc's heaps,
    /// already resident, and the call would cost more than the traps it saves.
    static let populateThreshold = 1 << 20

    /// `populate` for the values of `buffer`, when it spans `populateThreshold` bytes or more.
    static func populate<T>(_ buffer: UnsafeMutableBufferPointer<T>, concurrently: Bool = true) {
        guard let base = buffer.baseAddress, buffer.count * MemoryLayout<T>.stride >= populateThreshold else { return }
        populate(UnsafeMutableRawPointer(base), bytes: buffer.count * MemoryLayout<T>.stride, concurrently: concurrently)
    }

    /// Live mapped buffers (tests check that a load leaves none).
    static var mappedCount: Int { lock.withLock { sizes.count } }

    static func roundedUp(_ bytes: Int) -> Int { (bytes + page - 1) / page * page }
    static var pageSize: Int { page }
}
