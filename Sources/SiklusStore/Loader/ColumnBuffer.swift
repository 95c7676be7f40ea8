/// Raw, growable storage for one column of one chunk, written by index without ARC or bounds checks
/// in the parser's inner loop. All columns of a chunk share one capacity and grow together. The pointers are
/// `ColumnMemory`'s: whoever takes them frees them there. Making and growing are out of line: inlined into
/// the parser's function they made it too large for the compiler to inline `store` (the per-field code).
struct ColumnBuffer {
    var int64s: UnsafeMutablePointer<Int64>?
    var doubles: UnsafeMutablePointer<Double>?
    var codes: UnsafeMutablePointer<Int32>?
    /// Null flags for int64/double kinds, unless the column is required (a null drops its row, so every kept
    /// row has a value: 1 byte per row neither written nor faulted in).
    var nulls: UnsafeMutablePointer<Bool>?
    var nullCount = 0

    @inline(never)
    init(kind: FieldKind, capacity: Int, required: Bool = false) {
        switch kind {
        case .customer, .string:
            codes = ColumnMemory.allocate(capacity: capacity)
        case .float:
            doubles = ColumnMemory.allocate(capacity: capacity)
            if !required { nulls = ColumnMemory.allocate(capacity: capacity) }
        case .skip:
            break
        default:
            int64s = ColumnMemory.allocate(capacity: capacity)
            if !required { nulls = ColumnMemory.allocate(capacity: capacity) }
        }
    }

    @inline(never)
    mutating func grow(from count: Int, to capacity: Int) {
        func moved<T>(_ old: UnsafeMutablePointer<T>?) -> UnsafeMutablePointer<T>? {
            old.map { ColumnMemory.reallocate($0, count: count, capacity: capacity) }
        }
        int64s = moved(int64s)
        doubles = moved(doubles)
        codes = moved(codes)
        nulls = moved(nulls)
    }

    /// Faults in the pages that will hold rows `rows` (within `capacity`) of each mapped buffer, one call per
    /// buffer (`ColumnMemory.populate`): the parser asks for the next rows' pages a few thousand rows ahead.
    @inline(never)
    func populate(rows: Range<Int>, capacity: Int) {
        func ahead<T>(_ p: UnsafeMutablePointer<T>?) {
            guard let p, ColumnMemory.isMapped(T.self, capacity: capacity) else { return }
            let upper = min(rows.upperBound, capacity)
            guard upper > rows.lowerBound else { return }
            ColumnMemory.populate(UnsafeMutableRawPointer(p + rows.lowerBound), bytes: (upper - rows.lowerBound) * MemoryLayout<T>.stride,
                                  concurrently: false)
        }
        ahead(int64s); ahead(doubles); ahead(codes); ahead(nulls)
    }

    mutating func deallocate() {
        ColumnMemory.deallocate(int64s); ColumnMemory.deallocate(doubles); ColumnMemory.deallocate(codes); ColumnMemory.deallocate(nulls)
        int64s = nil; doubles = nil; codes = nil; nulls = nil
    }

    /// The first `count` values as a store column's data.
    func data(count: Int) -> (ColumnData, [Bool]?) {
        let nullFlags = nullCount > 0 && nulls != nil ? Array(UnsafeBufferPointer(start: nulls, count: count)) : nil
        if let codes { return (.code(Array(UnsafeBufferPointer(start: codes, count: count))), nil) }
        if let doubles { return (.double(Array(UnsafeBufferPointer(start: doubles, count: count))), nullFlags) }
        if let int64s { return (.int64(Array(UnsafeBufferPointer(start: int64s, count: count))), nullFlags) }
        return (.code([]), nil)
    }
}
