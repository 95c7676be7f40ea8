import SiklusPlan
import SiklusStore

/// The retention pass of the plain anchors (signup, or first purchase under `cohort by first_purchase`) in
/// calendar periods: one entry per customer, so each customer's activity rows are streamed straight into the
/// tally, run by run, with no per-customer array of runs and no second look at them. A customer's rows are
/// read from the first purchase on when that is both the anchor and the activity (the facts' pass found that
/// row), and only up to the first run past the last column.
///
/// The cohort row comes from the anchor itself when the cohort groups by the anchor in the retention's
/// calendar (`cohort by first_purchase period month | retention`: the anchor's period is the cohort), else
/// from the grouping's times or, for other groupings, its keys materialised once (`GroupKeys`).
/// - Complexity: O(in-scope customers + their rows) on all cores, O(rows × columns) memory per part.
enum RetentionAnchorPass {
    /// Where a customer's table row comes from.
    enum Rows {
        /// No cohort grouping: one row.
        case one
        /// The key of the anchor's own period.
        case anchorPeriod(PeriodKeys)
        /// The key of the period of another time per customer.
        case times([Int64], PeriodTable, PeriodKeys)
        /// Keys materialised per customer code.
        case keys([Int32])

        @inline(__always)
        func row(_ c: Int, anchorPeriod: Int64) -> Int {
            switch self {
            case .one: return 0
            case .anchorPeriod(let keys): return keys.key(period: anchorPeriod)
            case .times(let times, let table, let keys):
                let t = times[c]
                return t == CustomerFacts.none ? keys.count : keys.key(period: table.index(t))
            case .keys(let keys): return Int(keys[c])
            }
        }
    }

    /// Event rows the last pass read (a test hook: it stops at a customer's first run past the last column).
    nonisolated(unsafe) static var rowsRead = 0

    /// The rows of `grouping`'s cohorts for this pass, materialising keys only when they cannot be read
    /// per customer; nil when there are too many cohorts.
    static func rows(_ grouping: Dimension?, _ plan: RetentionPlan, _ scan: RetentionScan, scope: Scope, _ context: EvalContext) -> Rows? {
        guard let grouping else { return .one }
        guard let keys = GroupKeys([grouping]) else { return nil }
        if case .customerTimes(let times, let table, let periods) = grouping.source {
            let anchor: Attribute = plan.anchorOnFirstPurchase ? .firstPurchase : .signup
            let calendar = scan.table.calendar
            if grouping.attribute == anchor, periods.calendar.unit == calendar.unit, periods.calendar.weekStart == calendar.weekStart {
                return .anchorPeriod(periods)
            }
            return .times(times, table, periods)
        }
        return .keys(keys.materialize(scope, context).customer)
    }

    /// Each part's tally of `scope`'s customers, rows by `rows`.
    static func run(_ plan: RetentionPlan, _ scan: RetentionScan, scope: Scope, rows: Rows, rowCount: Int,
                    columns: RetentionColumns) -> [RetentionTally] {
        let list = scope.customers
        let parts = Parallel.balancedRanges(list.count)
        let kind = plan.spec.kind, unbounded = plan.unbounded
        let needsAmount = kind.value == .revenue
        let none = CustomerFacts.none
        // Under `cohort by first_purchase`, purchase activity starts at the anchor's row: every earlier row of the
        // customer is no purchase (with an order column, the first order starts before any other order's row).
        var firstRows: [Int32] = []
        if plan.anchorOnFirstPurchase, case .purchase = plan.activity { firstRows = scan.firstPurchaseRows }
        let results: [(RetentionTally, Int)] = Parallel.map(parts.count) { k in
            var tally = RetentionTally(rows: rowCount, columns: columns, kind: kind, unbounded: unbounded)
            var read = 0
            for i in parts[k] {
                let c = Int(list[i])
                let anchor = scan.anchors[c]
                if anchor == none { continue }
                let p0 = scan.table.index(anchor)
                tally.begin(row: rows.row(c, anchorPeriod: p0))
                var key = p0, count = 0, amount = 0.0, hasRun = false, open = true
                let (lo, hi) = (firstRows.isEmpty ? scan.offsets[c] : Int(firstRows[c]), scan.offsets[c + 1])
                var stop = hi
                for r in lo..<hi where scan.activity.matches(r, of: Int32(c)) {
                    let period = scan.table.index(scan.ts[r])
                    // Runs before period 0 are not counted.
                    if period < p0 { continue }
                    if !hasRun || period != key {
                        if hasRun && !tally.add(offset: key - p0, count: count, amount: amount) { open = false; stop = r + 1; break }
                        (key, count, amount, hasRun) = (period, 0, 0, true)
                    }
                    count += scan.counts(r) ? 1 : 0
                    if needsAmount { amount += scan.amount(r) }
                }
                read += stop - lo
                if open && hasRun { _ = tally.add(offset: key - p0, count: count, amount: amount) }
                tally.end(age: scan.lastPeriod - p0)
            }
            return (tally, read)
        }
        rowsRead = results.reduce(0) { $0 + $1.1 }
        return results.map(\.0)
    }
}
