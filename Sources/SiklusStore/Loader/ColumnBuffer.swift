/// Raw, growable storage for one column of one chunk, written by index without ARC or bounds checks
/// in the parser's inner loop. All columns of a chunk share one capacity and grow together.
struct ColumnBuffer {
    var int64s: UnsafeMutablePointer<Int64>?
    var doubles: UnsafeMutablePointer<Double>?
    var codes: UnsafeMutablePointer<Int32>?
    /// Null flags for int64/double kinds.
    var nulls: UnsafeMutablePointer<Bool>?
    var nullCount = 0

    init(kind: FieldKind, capacity: Int) {
        switch kind {
        case .customer, .string:
            codes = .allocate(capacity: capacity)
        case .float:
            doubles = .allocate(capacity: capacity)
            nulls = .allocate(capacity: capacity)
        case .skip:
            break
        default:
            int64s = .allocate(capacity: capacity)
            nulls = .allocate(capacity: capacity)
        }
    }

    mutating func grow(from count: Int, to capacity: Int) {
        func moved<T>(_ old: UnsafeMutablePointer<T>?) -> UnsafeMutablePointer<T>? {
            guard let old else { return nil }
            let new = UnsafeMutablePointer<T>.allocate(capacity: capacity)
            new.moveInitialize(from: old, count: count)
            old.deallocate()
            return new
        }
        int64s = moved(int64s)
        doubles = moved(doubles)
        codes = moved(codes)
        nulls = moved(nulls)
    }

    mutating func deallocate() {
        int64s?.deallocate(); doubles?.deallocate(); codes?.deallocate(); nulls?.deallocate()
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
