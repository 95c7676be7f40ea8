extension Scope {
    /// `stage lapsed`: the customers lapsed as of as_of (`LifecycleState.isLapsed`, judged on their whole
    /// history as `stage churn` is), with their in-scope rows up to as_of: lapsed has no events of its own, so
    /// what they did before going silent stays in view (`stage lapsed | by event | metric events`).
    /// - Complexity: O(n log r + r) for n customers and r rows in scope.
    mutating func keepLapsed(_ context: EvalContext) {
        let state = LifecycleState(context)
        let asOf = context.asOf
        narrowCustomers { state.stage($0, at: asOf) == .lapsed }
        let lapsed = customers
        let ts = context.store.events.ts
        narrowRows(context) { _, r in ts[r] <= asOf }
        customers = lapsed
    }
}
