/// The amount of line-item rows that have no amount column: quantity × unit price, per chunk.
enum LineItemAmounts {
    /// New per-chunk amount and null buffers (owned by the caller, which hands them to the event table);
    /// a row's amount is null when either factor is null. Both factor columns are planned as floats.
    /// - Complexity: O(rows).
    static func multiply(_ quantity: [ColumnBuffer], _ price: [ColumnBuffer], counts: [Int])
        -> (values: [UnsafeMutablePointer<Double>], nulls: [UnsafeMutablePointer<Bool>?]) {
        var values: [UnsafeMutablePointer<Double>] = [], nulls: [UnsafeMutablePointer<Bool>?] = []
        for (k, n) in counts.enumerated() {
            let out = UnsafeMutablePointer<Double>.allocate(capacity: max(1, n))
            let outNulls = UnsafeMutablePointer<Bool>.allocate(capacity: max(1, n))
            guard let q = quantity[k].doubles, let p = price[k].doubles else {
                preconditionFailure("quantity and unit_price are planned as float columns")
            }
            let qNulls = quantity[k].nullCount > 0 ? quantity[k].nulls : nil
            let pNulls = price[k].nullCount > 0 ? price[k].nulls : nil
            for i in 0..<n {
                let missing = (qNulls?[i] ?? false) || (pNulls?[i] ?? false)
                outNulls[i] = missing
                out[i] = missing ? 0 : q[i] * p[i]
            }
            values.append(out)
            nulls.append(outNulls)
        }
        return (values, nulls)
    }
}
