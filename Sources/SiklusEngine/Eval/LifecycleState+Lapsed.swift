import SiklusStore

extension LifecycleState {
    /// The row of customer `c`'s latest event at or before `moment` (by time, then file order), or nil.
    /// - Complexity: O(log r) for the customer's r rows.
    @inline(__always)
    func latestRow(of c: Int32, at moment: Int64) -> Int? {
        let stop = end(of: c, at: moment)
        return stop > events.rows(of: c).lowerBound ? stop - 1 : nil
    }

    /// Whether customer `c` is a lapsed prospect at `moment` (`Stage.lapsed`): no purchase by `moment`, and
    /// their latest event by then is no churn event and more than `churn_after` old. The caller checks that
    /// they have a staged event (`stage(_:at:)` does).
    /// - Complexity: O(log r) for the customer's r rows.
    func isLapsed(_ c: Int32, at moment: Int64) -> Bool {
        guard let last = latestRow(of: c, at: moment), classes[events.event[last]] & EventClasses.churn == 0 else { return false }
        let firstPurchase = facts.firstPurchase[Int(c)]
        let purchased = firstPurchase != CustomerFacts.none && firstPurchase <= moment
        return !purchased && moment - events.ts[last] > churnAfter
    }
}
