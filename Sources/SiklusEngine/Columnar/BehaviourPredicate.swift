import SiklusLanguage
import SiklusStore

/// `did <event> [op N times] [within d [of signup]]` in memory: a customer-level test counting the
/// customer's rows of that event in the window (only rows at or before as_of; bounds inclusive).
enum BehaviourPredicate {
    /// The test; row is ignored (the filter is decided per customer).
    /// - Complexity: O(the customer's rows) per customer tested.
    static func compile(_ condition: BehaviourCondition, _ context: EvalContext) -> Predicate {
        let events = context.store.events
        let code = context.store.strings.code(of: condition.event) ?? -2
        let asOf = context.asOf, signup = context.facts.signup
        let codes = events.event, ts = events.ts, offsets = events.offsets
        return Predicate(isCustomerLevel: true) { c, _ in
            let (lower, upper) = bounds(condition.window, asOf: asOf, signup: signup[Int(c)])
            var n: Int64 = 0
            if lower <= upper {
                for r in offsets[Int(c)]..<offsets[Int(c) + 1] where codes[r] == code && ts[r] >= lower && ts[r] <= upper { n += 1 }
            }
            return condition.holds(n)
        }
    }

    /// The inclusive time bounds of the window for a customer (lower > upper: an empty window), clamped
    /// instead of overflowing near the ends of time.
    static func bounds(_ window: BehaviourCondition.Window, asOf: Int64, signup: Int64) -> (Int64, Int64) {
        switch window {
        case .all:
            return (.min, asOf)
        case .last(let seconds):
            let (start, overflow) = asOf.subtractingReportingOverflow(seconds)
            return (overflow ? .min : start, asOf)
        case .sinceSignup(let seconds):
            guard signup != CustomerFacts.none else { return (1, 0) }
            let (end, overflow) = signup.addingReportingOverflow(seconds)
            return (signup, min(overflow ? .max : end, asOf))
        }
    }
}
