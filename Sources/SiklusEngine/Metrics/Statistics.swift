/// Medians for `time_to_purchase` and funnel `median_days`.
enum Statistics {
    /// The median (mean of the middle two for an even count), or nil when empty.
    /// - Complexity: O(n) expected, O(n log n) at worst (see `select`); equal values cost one pass.
    static func median(_ values: [Double]) -> Double? {
        var comparisons = 0
        return median(values, comparisons: &comparisons)
    }

    /// `median`, adding the number of value comparisons it made to `comparisons` (for tests of its cost).
    static func median(_ values: [Double], comparisons: inout Int) -> Double? {
        guard !values.isEmpty else { return nil }
        var v = values
        let mid = v.count / 2
        let upper = select(&v, mid, comparisons: &comparisons)
        guard v.count % 2 == 0 else { return upper }
        // After selection every value left of `mid` is <= v[mid]: the lower middle is their maximum.
        var lower = v[0]
        for x in v[1..<mid] where x > lower { lower = x }
        comparisons += mid - 1
        return (lower + upper) / 2
    }

    /// Rearranges `v` so `v[k]` is the k-th smallest, smaller-or-equal ones left of it; returns `v[k]`.
    ///
    /// Quickselect with a random pivot and a three-way partition (less / equal / greater), so runs of
    /// equal values — many buyers with the same days to purchase — are settled in one pass instead of
    /// degrading to O(n²). After 2·log2(n) rounds without converging, the rest is sorted: O(n log n)
    /// at worst whatever the input.
    static func select(_ v: inout [Double], _ k: Int, comparisons: inout Int) -> Double {
        var lo = 0, hi = v.count - 1
        var rounds = 2 * (Int.bitWidth - v.count.leadingZeroBitCount) + 2
        var rng = SystemRandomNumberGenerator()
        while lo < hi {
            guard rounds > 0 else {
                var count = 0
                v[lo...hi].sort { count += 1; return $0 < $1 }
                comparisons += count
                return v[k]
            }
            rounds -= 1
            let pivot = v[Int.random(in: lo...hi, using: &rng)]
            // v[lo..<lt] < pivot, v[lt..<i] == pivot, v[gt+1...hi] > pivot.
            var lt = lo, i = lo, gt = hi
            while i <= gt {
                comparisons += 1
                if v[i] < pivot {
                    v.swapAt(i, lt); lt += 1; i += 1
                } else {
                    comparisons += 1
                    if v[i] > pivot { v.swapAt(i, gt); gt -= 1 } else { i += 1 }
                }
            }
            if k < lt { hi = lt - 1 } else if k > gt { lo = gt + 1 } else { return v[k] }
        }
        return v[k]
    }
}
