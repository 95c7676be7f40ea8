import SiklusStore

/// Names the data behind a time span too long to tabulate, so a refusal can say which values to
/// filter out ("customer 123 signed up 1900-01-01") instead of only how big the table would be.
enum SpanWitness {
    /// The in-scope customer with the earliest time in `times` (`CustomerFacts.none` = no value).
    static func earliest(_ times: [Int64], among customers: [Int32]) -> Int32? {
        earliest(among: customers) { times[$0] }
    }

    /// The in-scope customer with the earliest `time(c)`.
    static func earliest(among customers: [Int32], _ time: (Int) -> Int64) -> Int32? {
        var best: Int32?, bestTime = Int64.max
        for c in customers {
            let t = time(Int(c))
            if t != CustomerFacts.none && t < bestTime { (best, bestTime) = (c, t) }
        }
        return best
    }

    /// The earliest time in `times` among `customers` (`CustomerFacts.none` = no value), on all cores.
    /// - Complexity: O(customers).
    static func earliestTime(_ times: [Int64], among customers: [Int32]) -> Int64? {
        let parts = Parallel.ranges(customers.count, minimumPerPart: 65_536)
        let earliest = Parallel.map(parts.count) { k in
            var best = Int64.max
            for i in parts[k] { let t = times[Int(customers[i])]; if t != CustomerFacts.none && t < best { best = t } }
            return best
        }.min() ?? .max
        return earliest == .max ? nil : earliest
    }

    /// The in-scope customer with the latest `time(c)`.
    static func latest(among customers: [Int32], _ time: (Int) -> Int64) -> Int32? {
        var best: Int32?, bestTime = Int64.min
        for c in customers {
            let t = time(Int(c))
            if t != CustomerFacts.none && t > bestTime { (best, bestTime) = (c, t) }
        }
        return best
    }

    /// `customer 123`.
    static func customer(_ c: Int32, _ context: EvalContext) -> String {
        "customer \(context.store.customerIDs[c])"
    }

    /// How as_of was chosen: `as_of 2023-12-31 (set as_of)`, or the latest event behind the default.
    static func asOf(_ context: EvalContext, among customers: [Int32]) -> String {
        let date = CivilTime.formatDate(context.asOf)
        if context.settings.asOf != nil { return "as_of \(date) (set as_of)" }
        let lastEvent = context.facts.lastEvent
        guard let c = latest(among: customers, { lastEvent[$0] }) else { return "as_of \(date)" }
        return "as_of \(date) (the last day with data: \(customer(c, context)) has an event then)"
    }

    /// The hint every refusal of a long span gives.
    static let hints = [
        "leave out far-off times: | where ts >= 2022-01 (events), or cohort signup >= 2022-01 (customers)",
        "or use a longer period, a horizon (retention horizon 24), or set as_of",
    ]
}
