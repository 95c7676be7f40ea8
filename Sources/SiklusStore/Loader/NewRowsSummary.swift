/// Distinct customers and time span of newly loaded rows (any table), for the load report.
struct NewRowsSummary {
    var distinctCustomers: Int
    var timeSpan: ClosedRange<Int64>?

    init(distinctCustomers: Int, timeSpan: ClosedRange<Int64>?) {
        self.distinctCustomers = distinctCustomers
        self.timeSpan = timeSpan
    }

    /// Distinct codes among the first `counts[k]` values of each part.
    static func distinct(_ parts: [UnsafeMutablePointer<Int32>], counts: [Int], customerCount: Int) -> Int {
        var seen = [Bool](repeating: false, count: customerCount)
        var distinct = 0
        for (k, codes) in parts.enumerated() {
            for r in 0..<counts[k] where !seen[Int(codes[r])] { seen[Int(codes[r])] = true; distinct += 1 }
        }
        return distinct
    }

    /// Smallest and largest non-null value among the first `counts[k]` values of each part.
    static func span(_ parts: [UnsafeMutablePointer<Int64>], nulls: [UnsafeMutablePointer<Bool>?]?, counts: [Int]) -> ClosedRange<Int64>? {
        var lo = Int64.max, hi = Int64.min
        for (k, values) in parts.enumerated() {
            let flags = nulls?[k]
            for r in 0..<counts[k] where !(flags?[r] ?? false) { lo = min(lo, values[r]); hi = max(hi, values[r]) }
        }
        return lo <= hi ? lo...hi : nil
    }
}
