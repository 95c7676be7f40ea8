import SiklusPlan

/// When the metric step's `per_customer` can group the events CTE alone, without joining the customers CTE.
///
/// `per_customer` joins the customers in scope to their events. When every event in scope belongs to a
/// customer in scope (`eventsWithinCustomers`), the join only matters for the customers it keeps without
/// events (a `LEFT JOIN`) and for the customer columns it brings. Two cases need neither:
/// - every dimension is event-level (the join is already an inner join, and no label reads the customer);
/// - no dimension at all, and every metric is made of orders and revenue only (`readsOnlyPurchaseRows`):
///   a customer without purchases adds nothing to the single row's sums.
/// Then the customers CTE is read once less (PostgreSQL no longer materializes it, nor the events CTE the
/// customers of a `stage` step are read from; Spark no longer caches them) and the engine joins nothing.
///
/// In the second case `event_rows` numbers purchases apart (`numbersPurchasesApart`): the purchase flag
/// is a column `siklus_is_purchase` of a subquery over the source, the purchase-number window partitions by
/// that column, and `per_customer` keeps `WHERE siklus_is_purchase`. A filter on a window's partition
/// column passes below the window (PostgreSQL and Spark both push it), so the engine scans only the
/// purchase rows of the customers in scope, and sorts only them, as a hand-written query would.
extension SQLLoweringState {
    /// The name of the purchase flag `event_rows` carries when it numbers purchases apart.
    static let purchaseFlag = "siklus_is_purchase"

    /// True when the analysis reads only the purchase rows' count and amounts, in one row: metrics made of
    /// `orders` and `revenue` (`avg_order`, `orders`, `revenue`), with no dimension and no cohort grouping.
    static func readsOnlyPurchaseRows(_ query: LogicalQuery) -> Bool {
        guard case .metrics(let metrics, _) = query.analysis, query.dimensions.isEmpty, query.grouping == nil, !metrics.isEmpty else { return false }
        return metrics.allSatisfy { metric in
            switch metric.definition {
            case .measure(let m): [.orders, .revenue].contains(m)
            case .ratio(let a, let b, _): [.orders, .revenue].contains(a) && [.orders, .revenue].contains(b)
            default: false
            }
        }
    }

    /// `event_rows` numbers purchases over a subquery carrying `purchaseFlag` (line items number orders
    /// instead; an events column of that name would make the subquery's `t.*` ambiguous).
    var numbersPurchasesApart: Bool {
        Self.readsOnlyPurchaseRows(query) && !hasOrders && !catalog.events.columns.contains { $0.name.lowercased() == Self.purchaseFlag }
    }

    /// Where `per_customer` reads its rows from: the customers joined to their events, or the events alone
    /// (with a filter on them, or none).
    enum PerCustomerRows {
        case joined
        case eventsAlone(filter: SQLExpression?)
    }

    /// `per_customer`'s rows for these dimensions; `readsCustomerFacts`: it reads a fact of the customers
    /// CTE (first purchase, churn state).
    func perCustomerRows(dimensions: [SQLDimensionLowering], readsCustomerFacts: Bool) -> PerCustomerRows {
        guard eventsWithinCustomers, !readsCustomerFacts, dimensions.allSatisfy({ !$0.isCustomerLevel }) else { return .joined }
        if !dimensions.isEmpty { return .eventsAlone(filter: nil) }
        return numbersPurchasesApart ? .eventsAlone(filter: .column(Self.purchaseFlag, table: "e")) : .joined
    }
}
