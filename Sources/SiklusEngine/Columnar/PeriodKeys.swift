import SiklusStore

/// How a time dimension numbers its periods: densely from the first period when the data's span is
/// short, else only the periods that hold data.
///
/// An outlier far from the rest (an event at epoch 999999999999999999, a signup on 9999-12-31) makes the
/// span astronomically long; allocating a label per period of it would exhaust memory. Sparse keys
/// cost one pass over the values and a binary search per lookup, so they are used only past
/// `denseLimit` periods.
struct PeriodKeys: Sendable {
    /// Spans of up to this many periods are numbered densely (the empty periods cost a slot each).
    static let denseLimit: Int64 = 100_000

    let calendar: PeriodCalendar
    /// The first period (key 0).
    let first: Int64
    /// Sorted periods that hold data, when sparse; empty when dense.
    let present: [Int64]
    /// The number of keys; `count` itself is the key of "no value".
    let count: Int

    /// Keys over `[lo, hi]` (times); when that span is longer than `denseLimit` periods, `periods` is called
    /// to list the period of every value (in any order, duplicates allowed).
    init(_ calendar: PeriodCalendar, lo: Int64, hi: Int64, periods: () -> [Int64]) {
        self.calendar = calendar
        let first = calendar.index(lo), last = calendar.index(hi)
        let (span, overflow) = last.subtractingReportingOverflow(first)
        if !overflow && span < Self.denseLimit {
            self.first = first
            present = []
            count = Int(span) + 1
        } else {
            let sorted = Array(Set(periods())).sorted()
            self.first = sorted.first ?? first
            present = sorted
            count = sorted.count
        }
    }

    /// True when only the periods with data have keys.
    var isSparse: Bool { !present.isEmpty }

    /// The key of period `p`, or `count` when it has none.
    @inline(__always)
    func key(period p: Int64) -> Int {
        if present.isEmpty {
            let (k, overflow) = p.subtractingReportingOverflow(first)
            return !overflow && k >= 0 && k < Int64(count) ? Int(k) : count
        }
        var lo = 0, hi = present.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if present[mid] < p { lo = mid + 1 } else { hi = mid }
        }
        return lo < present.count && present[lo] == p ? lo : count
    }

    /// The period of key `k` (`k < count`).
    func period(_ k: Int) -> Int64 { present.isEmpty ? first + Int64(k) : present[k] }

    /// Every key's label, in order.
    var labels: [String] { (0..<count).map { calendar.label(period($0)) } }
}
