import SiklusStore

/// Names the data behind a time span too long to tabulate, so a refusal can say which values to
/// filter out ("customer 123 signed up 1900-01-01") instead of only how big the table would be.
enum SpanWitness {
    /// The in-scope customer with the earliest time in `times` (`CustomerFacts.none` = no value).
    static func earliest(_ times: [Int64], among customers: [Int32]) -> Int32? {
        var best: Int32?, bestTime = Int64.max
        for c in customers where times[Int(c)] != CustomerFacts.none && times[Int(c)] < bestTime {
            best = c
            bestTime = times[Int(c)]
        }
        return best
    }

    /// The in-scope customer with the latest time in `times`.
    static func latest(_ times: [Int64], among customers: [Int32]) -> Int32? {
        var best: Int32?, bestTime = Int64.min
        for c in customers where times[Int(c)] != CustomerFacts.none && times[Int(c)] > bestTime {
            best = c
            bestTime = times[Int(c)]
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
        guard let c = latest(context.facts.lastEvent, among: customers) else { return "as_of \(date)" }
        return "as_of \(date) (the last day with data: \(customer(c, context)) has an event then)"
    }

    /// The hint every refusal of a long span gives.
    static let hints = [
        "leave out far-off times: | where ts >= 2022-01 (events), or cohort signup >= 2022-01 (customers)",
        "or use a longer period, a horizon (retention horizon 24), or set as_of",
    ]
}
