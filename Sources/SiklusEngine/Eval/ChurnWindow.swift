/// The moment `churn_rate` judges a buyer at: as_of, or with `within <window>` their first purchase + window,
/// so cohorts of different age are compared over the same span of each buyer's life.
enum ChurnWindow {
    /// The moment to judge at, or nil when the customer is not in the base: no purchase by as_of, or (with a
    /// window) a window that has not ended by as_of (`first purchase + window > as_of`, overflow included).
    static func moment(firstPurchase: Int64, window: Int64?, asOf: Int64) -> Int64? {
        guard firstPurchase != CustomerFacts.none, firstPurchase <= asOf else { return nil }
        guard let window else { return asOf }
        let (end, overflow) = firstPurchase.addingReportingOverflow(window)
        return overflow || end > asOf ? nil : end
    }
}
