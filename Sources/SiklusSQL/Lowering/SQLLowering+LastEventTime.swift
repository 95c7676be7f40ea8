/// The default as_of (the end of the last day holding an event) reads the latest event time. A query
/// that bounds several CTEs by as_of (retention's anchors and activity, lifecycle) would otherwise hold
/// one `(SELECT max(ts) FROM events)` per use, and PostgreSQL runs each as its own scan of every event
/// (an InitPlan per occurrence); read from one CTE, the engine scans once (PostgreSQL materializes a CTE
/// read twice, Spark caches it) and a query that never reads as_of loses the CTE to `SQLColumnPruning`.
extension SQLLoweringState {
    /// Adds the `last_event_time` CTE (one row: `ts`, the latest event time) when as_of is the default.
    /// - Complexity: one aggregate over the events, once per query.
    mutating func lastEventTime() {
        guard case .endOfLastDataDay = query.asOf, lastEventTimeCTE == nil else { return }
        lastEventTimeCTE = builder.add("last_event_time", "the latest event time, which the default as_of (the end of its day) reads",
                                       SQLSelect([.named(.aggregate(.max, .column(tables.eventTime)), "ts")], from: .table(tables.events, alias: nil)))
    }
}
