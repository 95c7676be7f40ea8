import CMemoryHints
import Foundation

/// Pages of a load's buffers that have been read, moved into the arrays the load writes next, rather than
/// unmapped while those arrays fault in fresh pages (`ColumnMemory`).
///
/// `EventTable.append` frees each column's parser buffers once gathered, and then writes the next column:
/// the buffers' pages, still resident, become that column's (the merged chunks' customer tables become the
/// sort's arrays, and its carried codes the sorted times'). At 5M time-ordered customers ~650 MB of the
/// index's ~840 MB of fresh pages are moved instead of faulted in. Peak memory does not move: a page is in
/// one place at a time.
///
/// Used by one thread at a time (the load's, between its parallel passes); whatever is left is unmapped
/// when the pool goes.
final class RecycledPages {
    /// Donated mappings, each still mapped from `start` for `bytes` (page multiples).
    private var regions: [(start: UnsafeMutableRawPointer, bytes: Int)] = []
    /// Bytes moved by every pool in this process, for tests to see that pages moved.
    static var movedInProcess: Int { lock.withLock { moved } }
    private static let lock = NSLock()
    nonisolated(unsafe) private static var moved = 0

    /// Takes a mapping of `bytes` at `start` (page-aligned) whose contents are no longer needed.
    func donate(_ start: UnsafeMutableRawPointer, bytes: Int) {
        regions.append((start, bytes))
    }

    /// Moves donated pages into the whole pages of `buffer`, untouched memory about to be written whole (its
    /// values are then whatever the pages held). Pages beyond what has been donated are faulted in at once, on
    /// all cores (`ColumnMemory.populate`); the partial pages at both ends fault in as usual.
    /// - Complexity: O(pages) in the kernel, and no copying.
    func fill<T>(_ buffer: UnsafeMutableBufferPointer<T>) {
        guard let base = buffer.baseAddress else { return }
        let page = ColumnMemory.pageSize
        var to = ColumnMemory.roundedUp(Int(bitPattern: base))
        let end = (Int(bitPattern: base) + buffer.count * MemoryLayout<T>.stride) / page * page
        while to < end, let region = regions.last {
            let bytes = min(end - to, region.bytes)
            let status = siklus_move_pages(region.start, bytes, UnsafeMutableRawPointer(bitPattern: to))
            guard status == 0 else {
                // The destination was mapped afresh; the pool gives up, unmapping what it holds.
                precondition(status == -1, "could not map \(bytes) bytes back after a failed page move")
                drain()
                break
            }
            Self.lock.withLock { Self.moved += bytes }
            to += bytes
            regions.removeLast()
            if bytes < region.bytes { regions.append((region.start + bytes, region.bytes - bytes)) }
        }
        if end - to >= ColumnMemory.populateThreshold { ColumnMemory.populate(UnsafeMutableRawPointer(bitPattern: to)!, bytes: end - to) }
    }

    /// Unmaps what is left.
    func drain() {
        for region in regions { siklus_unmap_zeroed(region.start, region.bytes) }
        regions = []
    }

    deinit { drain() }
}
