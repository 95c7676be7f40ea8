/// The amount of line-item rows that have no amount column: quantity × unit price, per chunk.
enum LineItemAmounts {
    /// New per-chunk amount and null buffers (`ColumnMemory`'s, owned by the caller, which hands them to the event table);
    /// a row's amount is null when either factor is null. Each factor column is an int or a float column.
    /// - Complexity: O(rows).
    static func multiply(_ quantity: [ColumnBuffer], _ price: [ColumnBuffer], counts: [Int])
        -> (values: [UnsafeMutablePointer<Double>], nulls: [UnsafeMutablePointer<Bool>?]) {
        var values: [UnsafeMutablePointer<Double>] = [], nulls: [UnsafeMutablePointer<Bool>?] = []
        for (k, n) in counts.enumerated() {
            let out = ColumnMemory.allocate(Double.self, capacity: n)
            let outNulls = ColumnMemory.allocate(Bool.self, capacity: n)
            func factor(_ buffer: ColumnBuffer, _ i: Int) -> Double {
                if let doubles = buffer.doubles { return doubles[i] }
                guard let ints = buffer.int64s else { preconditionFailure("quantity and unit_price are planned as numbers") }
                return Double(ints[i])
            }
            let qNulls = quantity[k].nullCount > 0 ? quantity[k].nulls : nil
            let pNulls = price[k].nullCount > 0 ? price[k].nulls : nil
            for i in 0..<n {
                let missing = (qNulls?[i] ?? false) || (pNulls?[i] ?? false)
                outNulls[i] = missing
                out[i] = missing ? 0 : factor(quantity[k], i) * factor(price[k], i)
            }
            values.append(out)
            nulls.append(outNulls)
        }
        return (values, nulls)
    }
}
