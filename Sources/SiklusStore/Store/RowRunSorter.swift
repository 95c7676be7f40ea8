/// Sorts one customer's run of rows by time, stably, without allocating per customer.
///
/// Building the index sorts only the customers whose rows arrived out of time order, but on a large
/// file those are tens of thousands of runs of a handful of rows each: an array and a closure sort per
/// run cost more than the sorting. One permutation buffer and one scratch buffer are reused instead,
/// with an insertion sort for the usual short runs.
struct RowRunSorter {
    private var permutation: UnsafeMutablePointer<Int>
    private var scratch: UnsafeMutableRawPointer
    private var capacity: Int
    private var count = 0

    /// Runs up to this long are insertion-sorted.
    private static let insertionLimit = 32

    init() {
        capacity = 64
        permutation = .allocate(capacity: capacity)
        scratch = .allocate(byteCount: capacity * 8, alignment: 8)
    }

    func deallocate() {
        permutation.deallocate()
        scratch.deallocate()
    }

    /// Works out the stable time order of `ts[lo..<hi]` for `apply`. Returns false, with nothing to
    /// apply, when the run is already in order (the usual case).
    mutating func order(_ ts: UnsafeMutablePointer<Int64>, _ lo: Int, _ hi: Int) -> Bool {
        var sorted = true
        for k in (lo + 1)..<max(lo + 1, hi) where ts[k] < ts[k - 1] { sorted = false; break }
        if sorted { return false }
        count = hi - lo
        if count > capacity {
            deallocate()
            capacity = count * 2
            permutation = .allocate(capacity: capacity)
            scratch = .allocate(byteCount: capacity * 8, alignment: 8)
        }
        for k in 0..<count { permutation[k] = lo + k }
        if count <= Self.insertionLimit {
            // Strictly greater moves past, so equal times keep their order: stable.
            for k in 1..<count {
                let row = permutation[k], time = ts[row]
                var j = k
                while j > 0, ts[permutation[j - 1]] > time { permutation[j] = permutation[j - 1]; j -= 1 }
                permutation[j] = row
            }
        } else {
            var rows = UnsafeMutableBufferPointer(start: permutation, count: count)
            rows.sort { a, b in ts[a] != ts[b] ? ts[a] < ts[b] : a < b }
        }
        return true
    }

    /// Rearranges `column[lo..<lo + count]` into the order found by the last `order` call.
    func apply<T: BitwiseCopyable>(to column: UnsafeMutablePointer<T>, from lo: Int) {
        precondition(MemoryLayout<T>.stride <= 8)
        let values = scratch.bindMemory(to: T.self, capacity: count)
        for k in 0..<count { values[k] = column[permutation[k]] }
        (column + lo).update(from: values, count: count)
    }
}
