/// Columns put into (customer, time) order through the blocks of `CustomerBlockSort` (issue 16), for
/// millions of customers.
///
/// A plain gather reads each value from its row: in a time-ordered log a customer's rows lie far apart,
/// so every value read is a cache line fetched for 1 to 8 bytes (1.2 GB of lines per column at 5M
/// customers). Here a column moves twice, each time in cache-sized steps: first in row order to each row's
/// place among its block's rows (`spread`: a sequential read, and one sequential write stream per block),
/// then block by block to its final place (`local`), through a per-core copy of the block (its rows, ~2 MB
/// of an 8-byte column, stay in the core's cache). Both steps write the output array itself, so a column
/// takes no more memory, and no more fresh pages, than a plain gather; the position arrays take 4 bytes per
/// row each.
struct BlockedGather {
    /// Per row (old rows first, then each chunk's): its place after the spread.
    let spread: UnsafeMutableBufferPointer<Int32>
    /// First row of each part (the old rows, then each chunk).
    let partStarts: [Int]
    /// First position of each block, and the row count.
    let blockStarts: [Int]
    let count: Int
    /// Where the gathered arrays take their pages from first (a load's freed buffers).
    var recycling: RecycledPages?

    /// `out[position]` = the value of the row placed there: `old` for the old rows, then each chunk's buffer
    /// (a chunk without one reads as `missing`). `local` is `CustomerBlockSort`'s place after the spread of each
    /// position; `release` frees the sources, called once they are read.
    /// - Complexity: O(rows), in two passes on all cores.
    func gather<T>(old: [T], parts: [UnsafeMutablePointer<T>?], missing: T?, local: [Int32], release: () -> Void) -> [T] {
        [T](unzeroedCount: count, recycling: recycling) { out in
            guard let base = out.baseAddress else { release(); return }
            old.withUnsafeBufferPointer { old in
                spread([old.baseAddress] + parts.map { $0.map { UnsafePointer($0) } }, missing: missing, into: base)
            }
            release()
            local.withUnsafeBufferPointer { local in placeInBlocks(base, local: local) }
        }
    }

    /// Each part's values at their rows' places after the spread.
    private func spread<T>(_ parts: [UnsafePointer<T>?], missing: T?, into target: UnsafeMutablePointer<T>) {
        var work: [(part: Int, rows: Range<Int>)] = []
        for (k, start) in partStarts.enumerated() {
            let end = k + 1 < partStarts.count ? partStarts[k + 1] : count
            for rows in Parallel.ranges(end - start, minimumPerPart: 65_536) { work.append((k, rows)) }
        }
        let spread = UnsafePointer(self.spread.baseAddress.unsafelyUnwrapped), shared = SendableBox(target)
        _ = Parallel.map(work.count) { w in
            let (k, rows) = work[w]
            let first = partStarts[k], target = shared.value
            if let source = parts[k] {
                for i in rows { (target + Int(spread[first + i])).initialize(to: source[i]) }
            } else {
                let value = missing.unsafelyUnwrapped
                for i in rows { (target + Int(spread[first + i])).initialize(to: value) }
            }
        }
    }

    /// Moves each block's values from their places after the spread to their final places, in place.
    private func placeInBlocks<T>(_ values: UnsafeMutablePointer<T>, local: UnsafeBufferPointer<Int32>) {
        let blocks = blockStarts.count - 1
        guard blocks > 0 else { return }
        let largest = (0..<blocks).map { blockStarts[$0 + 1] - blockStarts[$0] }.max() ?? 0
        let workers = min(Parallel.width, blocks), shared = SendableBox(values)
        _ = Parallel.map(workers) { w in
            let values = shared.value
            let scratch = UnsafeMutablePointer<T>.allocate(capacity: max(1, largest))
            defer { scratch.deallocate() }
            for b in stride(from: w, to: blocks, by: workers) {
                let s = blockStarts[b], e = blockStarts[b + 1]
                scratch.initialize(from: values + s, count: e - s)  // plain values: nothing to deinitialize
                let shifted = scratch - s
                for i in s..<e { values[i] = shifted[Int(local[i])] }
            }
        }
    }

    func deallocate() { spread.deallocate() }
}
