import SiklusLanguage
import SiklusStore

/// A customer-level comparison of `signup` or `first_purchase` with a time, as the inclusive bounds the
/// customer's fact time must fall in, so `Scope.cohort` filters the facts' array in a plain loop instead of
/// calling the predicate's closures per customer (issue 16: `cohort signup=2022-09 | …` on a cold store).
/// A missing time (`CustomerFacts.none`, the smallest `Int64`) is below every bound, as it matches no
/// comparison.
struct CustomerTimeBounds: @unchecked Sendable {
    let times: [Int64]
    let lower: Int64, upper: Int64

    /// The bounds of `attribute op range`, or nil when the attribute is not a fact time or the comparison
    /// is no single interval (`!=`) or its bound has no neighbour in `Int64`.
    static func of(_ attribute: Attribute, _ op: ComparisonOperator, _ range: TimeRange, _ context: EvalContext) -> CustomerTimeBounds? {
        let times: [Int64]
        switch attribute {
        case .signup: times = context.facts.signup
        case .firstPurchase: times = context.facts.firstPurchase
        default: return nil
        }
        let least = CustomerFacts.none + 1
        func before(_ t: Int64) -> Int64? { t == .min ? nil : t - 1 }
        let bounds: (Int64, Int64?)
        switch op {
        case .equal: bounds = (range.start, before(range.end))        // start <= t < end
        case .less: bounds = (least, before(range.start))             // t < start
        case .lessEqual: bounds = (least, before(range.end))          // t < end (the whole period named)
        case .greater: bounds = (range.end, .max)                     // t >= end
        case .greaterEqual: bounds = (range.start, .max)              // t >= start
        case .notEqual: return nil
        }
        guard let upper = bounds.1 else { return nil }
        return CustomerTimeBounds(times: times, lower: max(bounds.0, least), upper: upper)
    }

    /// Whether customer `c`'s time is within the bounds.
    @inline(__always)
    func contains(_ c: Int) -> Bool {
        let t = times[c]
        return t >= lower && t <= upper
    }
}
