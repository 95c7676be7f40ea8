import CMemoryHints

/// Global row numbering over old rows followed by each chunk's rows, for gathering.
///
/// A gather reads its sources in (customer, time) order, which in a time-ordered log jumps across the
/// whole column: nearly every read missed the cache (and the TLB), one at a time as far as the core's
/// window reaches. So each gather hints the source of the row `prefetchDistance` places ahead
/// (`siklus_prefetch`), and the misses overlap.
struct RowSegments {
    let oldCount: Int
    /// Global row where each chunk starts.
    let partStarts: [Int]
    /// Per 4,096 new rows (`1 << bucketShift`), the chunk holding the first: a row's chunk is a table read and
    /// a step or two, not a walk over the chunks (a gzip file has one per 8 MiB block, ~120 at 5M customers).
    private let bucketParts: [Int32]
    private static let bucketShift = 12
    /// Where the gathered arrays take their pages from first (a load's freed buffers).
    var recycling: RecycledPages?
    /// How many rows ahead a gather hints its source.
    static let prefetchDistance = 64

    init(oldCount: Int, counts: [Int]) {
        self.oldCount = oldCount
        var starts: [Int] = []
        var at = oldCount
        for c in counts { starts.append(at); at += c }
        partStarts = starts
        var buckets: [Int32] = []
        var k = 0
        for first in stride(from: oldCount, to: at, by: 1 << Self.bucketShift) {
            while k + 1 < starts.count, first >= starts[k + 1] { k += 1 }
            buckets.append(Int32(k))
        }
        bucketParts = buckets
    }

    /// The chunk holding global row `row` (a new row).
    func part(of row: Int) -> Int {
        partStarts.withUnsafeBufferPointer { starts in
            bucketParts.withUnsafeBufferPointer { buckets in Self.part(of: row, from: 0, starts, buckets, oldCount: oldCount) }
        }
    }

    /// Where a lookup of `row`'s chunk starts when the previous row's chunk does not hold it (steps from
    /// there are the lookup's work; a test hook).
    func bucketPart(of row: Int) -> Int { Int(bucketParts[(row - oldCount) >> Self.bucketShift]) }

    /// `result[i]` = the value of global row `order[i]`, filled by all cores (disjoint output ranges).
    /// The loops are written out per case: a closure call per element would cost more than the copy.
    func gather<T>(_ order: [Int32], old: [T], parts: [UnsafeMutablePointer<T>]) -> [T] {
        gather(order, old: old, parts: parts.map { Optional($0) }, missing: nil)
    }

    /// As `gather(_:old:parts:)`, where chunks without a buffer read as `false`.
    func gather(_ order: [Int32], old: [Bool], optionalParts parts: [UnsafeMutablePointer<Bool>?]) -> [Bool] {
        gather(order, old: old, parts: parts, missing: false)
    }

    /// The gather itself: chunks without a buffer (nil) read as `missing`.
    private func gather<T>(_ order: [Int32], old: [T], parts: [UnsafeMutablePointer<T>?], missing: T?) -> [T] {
        let oldCount = oldCount, distance = Self.prefetchDistance
        // Each chunk's buffer shifted by its first global row, so global row r of chunk k is at `shifted[k] + r`.
        let shifted = parts.indices.map { k in parts[k].map { UnsafePointer($0 - partStarts[k]) } }
        return fill(order.count) { out, range in
            order.withUnsafeBufferPointer { order in
                old.withUnsafeBufferPointer { old in
                    partStarts.withUnsafeBufferPointer { starts in
                      bucketParts.withUnsafeBufferPointer { buckets in
                        shifted.withUnsafeBufferPointer { shifted in
                            var k = 0, ahead = 0
                            let hinted = max(range.lowerBound, range.upperBound - distance)
                            for i in range {
                                if i < hinted {
                                    let row = Int(order[i + distance])
                                    if row < oldCount { siklus_prefetch(old.baseAddress.unsafelyUnwrapped + row) } else {
                                        ahead = Self.part(of: row, from: ahead, starts, buckets, oldCount: oldCount)
                                        if let source = shifted[ahead] { siklus_prefetch(source + row) }
                                    }
                                }
                                let row = Int(order[i])
                                if row < oldCount { (out + i).initialize(to: old[row]); continue }
                                k = Self.part(of: row, from: k, starts, buckets, oldCount: oldCount)
                                (out + i).initialize(to: shifted[k].map { $0[row] } ?? missing.unsafelyUnwrapped)
                            }
                        }
                      }
                    }
                }
            }
        }
    }

    /// The chunk holding global row `row` (not an old row): the previous row's chunk `k` is tried first,
    /// since rows mostly come in runs from one chunk, then the chunk of `row`'s bucket and the few after it.
    @inline(__always)
    private static func part(of row: Int, from k: Int, _ starts: UnsafeBufferPointer<Int>, _ buckets: UnsafeBufferPointer<Int32>,
                             oldCount: Int) -> Int {
        if row >= starts[k], k + 1 == starts.count || row < starts[k + 1] { return k }
        var k = Int(buckets[(row - oldCount) >> bucketShift])
        while k + 1 < starts.count, row >= starts[k + 1] { k += 1 }
        return k
    }

    /// As `gather(_:old:parts:)`, where every new row has the value `constant`.
    func gather<T>(_ order: [Int32], old: [T], constant: T) -> [T] {
        let oldCount = oldCount
        return fill(order.count) { out, range in
            for i in range { (out + i).initialize(to: Int(order[i]) < oldCount ? old[Int(order[i])] : constant) }
        }
    }

    /// An array of `count` values; `body(out, range)` initialises `out[range]`, on all cores.
    private func fill<T>(_ count: Int, _ body: (UnsafeMutablePointer<T>, Range<Int>) -> Void) -> [T] {
        let parts = Parallel.ranges(count, minimumPerPart: 65_536)
        return [T](unzeroedCount: count, recycling: recycling) { out in
            guard let base = out.baseAddress else { return }
            let target = SendableBox(base)
            Parallel.forEach(parts) { range in body(target.value, range) }
        }
    }
}
