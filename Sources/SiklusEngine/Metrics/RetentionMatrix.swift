import SiklusLanguage
import SiklusStore

/// `retention`: cohort × period-offset matrix, every kind (see docs/LANGUAGE.md, retention).
///
/// Each entry (a customer's anchor: signup, first purchase under `cohort by first_purchase`, the first
/// `start` event, or with `recurring` each period with one) has period 0 at its anchor's period (or, with
/// `rolling`, a window from the anchor's time). Column k sums what the entry's qualifying periods in it
/// add (a period qualifies with at least `min_events` return events): 1 per entry (customers), its
/// events (`value orders`) or their amount (`value revenue`); with `unbounded`, an entry counts in every
/// column up to its latest qualifying one (activity past the last column counts in it: `horizon N` cuts
/// columns, never activity). A cell is empty when no entry of the cohort has reached the column's first
/// period by as_of; as a percentage it is taken of its base: the entries that have (value: their
/// column-0 sum), so entries that could not have been active yet never pull a column down.
enum RetentionMatrix {
    /// Period 0 and up to the longest horizon the parser accepts.
    static let maxColumns = Int(StepLimits.horizon) + 1
    /// The most cells (cohorts × periods) a retention table may have: its counters are allocated per cell.
    static let maxCells = 10_000_000

    static func build(_ plan: RetentionPlan, scope: Scope, _ context: EvalContext) throws(Diagnostic) -> ResultTable {
        let scan = RetentionScan(plan, scope: scope, context)
        let list = scope.customers
        let parts = Parallel.ranges(list.count, minimumPerPart: 8192)

        // The rows and the widest entry, checked before anything is allocated per cell: one far-off
        // anchor (a signup in 1900) would otherwise ask for gigabytes. The customer behind the widest
        // entry is looked for only to word a refusal.
        var labels: [String], rowOf: (Int32, RetentionScan.Entry) -> Int
        var maxAge: Int64?, witness: () -> (customer: Int32, time: Int64)?
        var anchorRows: RetentionAnchorPass.Rows?
        if plan.start == nil {
            let anchors = scan.anchors
            labels = scope.grouping?.labels ?? ["all"]
            guard let rows = RetentionAnchorPass.rows(scope.grouping, plan, scan, scope: scope, context) else {
                throw Diagnostic("too many cohorts: more than \(GroupKeys.limit)", at: plan.span, hints: ["use a longer cohort period"])
            }
            anchorRows = rows
            rowOf = { c, entry in rows.row(Int(c), anchorPeriod: entry.period) }
            witness = { SpanWitness.earliest(anchors, among: list).map { ($0, anchors[Int($0)]) } }
            if let time = Self.earliestAnchor(plan, anchors: anchors, among: list, context) {
                maxAge = scan.age(RetentionScan.Entry(period: scan.table.index(time), time: time))
            }
        } else {
            // Pass 1: the periods holding anchors (the rows) and the earliest anchor.
            struct Found { var periods = Set<Int64>(); var earliest: (customer: Int32, time: Int64)? }
            let found: [Found] = Parallel.map(parts.count) { k in
                var f = Found(), entries: [RetentionScan.Entry] = []
                for i in parts[k] {
                    let c = list[i]
                    scan.entries(of: c, into: &entries)
                    for e in entries {
                        f.periods.insert(e.period)
                        if f.earliest.map({ e.time < $0.time }) ?? true { f.earliest = (c, e.time) }
                    }
                }
                return f
            }
            try context.checkCancelled()
            var periods = Set<Int64>(), earliest: (customer: Int32, time: Int64)?
            for f in found {
                periods.formUnion(f.periods)
                if let e = f.earliest, earliest.map({ e.time < $0.time }) ?? true { earliest = e }
            }
            let sorted = periods.sorted()
            var rowIndex: [Int64: Int] = [:]
            for (i, p) in sorted.enumerated() { rowIndex[p] = i }
            labels = sorted.map(scan.table.calendar.label)
            rowOf = { _, entry in rowIndex[entry.period] ?? 0 }
            witness = { earliest }
            maxAge = earliest.map { scan.age(RetentionScan.Entry(period: scan.table.index($0.time), time: $0.time)) }
        }
        let columns = RetentionColumns(maxAge: maxAge.map { Int(clamping: min($0, Int64(Self.maxColumns))) },
                                       horizon: plan.horizon, brackets: plan.spec.kind.brackets)
        // The width the data asks for, before any clamping, for the check and its message.
        let wanted = plan.spec.kind.brackets != nil ? Int64(columns.count)
            : min(max(0, maxAge ?? 0) == Int64.max ? Int64.max : max(0, maxAge ?? 0) + 1, Int64(plan.horizon ?? Int.max - 1) + 1)
        try checkSize(plan, rows: labels.count, columns: wanted, witness: witness, scope: scope, context)

        // Pass 2: per part, counters per cell (row * width + column).
        let width = columns.count, rowCount = labels.count
        let kind = plan.spec.kind, countsCustomers = kind.value == .customers
        let partials: [RetentionTally]
        if let anchorRows, scan.rollingLength == nil {
            partials = RetentionAnchorPass.run(plan, scan, scope: scope, rows: anchorRows, rowCount: rowCount, columns: columns)
        } else {
            partials = Parallel.map(parts.count) { k in
                var tally = RetentionTally(rows: rowCount, columns: columns, kind: kind, unbounded: plan.unbounded)
                var entries: [RetentionScan.Entry] = [], active: [RetentionScan.Active] = []
                for i in parts[k] {
                    let c = list[i]
                    scan.entries(of: c, into: &entries)
                    if entries.isEmpty { continue }
                    if scan.rollingLength == nil { scan.activity(of: c, from: nil, into: &active) }
                    for entry in entries {
                        if scan.rollingLength != nil { scan.activity(of: c, from: entry, into: &active) }
                        tally.begin(row: rowOf(c, entry))
                        // Runs from the entry's period 0 on: O(log runs + runs up to the last column).
                        var i = scan.rollingLength == nil ? Self.firstRun(atOrAfter: entry.period, in: active) : 0
                        while i < active.count {
                            let run = active[i]
                            guard tally.add(offset: scan.offset(run, from: entry), count: run.count, amount: run.value) else { break }
                            i += 1
                        }
                        tally.end(age: scan.age(entry))
                    }
                }
                return tally
            }
        }
        try context.checkCancelled()

        var rows = (0..<rowCount).map { RetentionTableBuilder.Row(label: labels[$0], size: 0, columns: width) }
        for p in partials {
            precondition(p.width == width, "every part tallies the same columns")
            for g in 0..<rowCount {
                rows[g].size += p.sizes[g]
                for k in 0..<width {
                    rows[g].reached[k] += p.reached[g * width + k]
                    rows[g].cells[k] += p.cells[g * width + k]
                    if !countsCustomers { rows[g].base[k] += p.base[g * width + k] }
                }
            }
        }
        // "Reached column k" = reached the column of their age or a later one.
        for g in 0..<rowCount {
            for k in stride(from: width - 2, through: 0, by: -1) {
                rows[g].reached[k] += rows[g].reached[k + 1]
                rows[g].base[k] += rows[g].base[k + 1]
            }
            if countsCustomers { rows[g].base = rows[g].reached.map(Double.init) }
        }
        return RetentionTableBuilder(spec: plan.spec, columns: columns).table(rows.filter { $0.size > 0 })
    }

    /// Refuses a table past the column or cell limits, naming the anchor that starts the span.
    private static func checkSize(_ plan: RetentionPlan, rows: Int, columns: Int64, witness: () -> (customer: Int32, time: Int64)?,
                                  scope: Scope, _ context: EvalContext) throws(Diagnostic) {
        let (cells, overflow) = Int64(rows).multipliedReportingOverflow(by: columns)
        guard columns > Int64(Self.maxColumns) || overflow || cells > Int64(Self.maxCells) else { return }
        let cohorts = plan.start == nil ? rows - 1 : rows
        var message = "the retention table would have \(cohorts) cohorts × \(columns) \(plan.period.rawValue)s; at most "
            + "\(Self.maxColumns) \(plan.period.rawValue)s and \(Self.maxCells) cells"
        if columns > 1, let (c, time) = witness() {
            let anchor = switch plan.start {
            case nil: plan.anchorOnFirstPurchase ? "first bought" : "signed up"
            case .some: "started (\(LogicalQuery.Retention.name(of: plan.spec.kind.start ?? .purchase)))"
            }
            message += ": the \(plan.period.rawValue)s run from \(SpanWitness.customer(c, context)), who \(anchor) "
                + "\(CivilTime.formatDate(time)), to \(SpanWitness.asOf(context, among: scope.customers))"
        }
        if plan.start == nil, let grouping = scope.grouping, rows > 2 {
            message += "; the cohorts run from \(grouping.labels[0]) to \(grouping.labels[rows - 2])"
        }
        throw Diagnostic(message, at: plan.span, hints: SpanWitness.hints)
    }

    /// The earliest anchor among `customers`: the facts' own when they are every customer, else one pass.
    private static func earliestAnchor(_ plan: RetentionPlan, anchors: [Int64], among customers: [Int32], _ context: EvalContext) -> Int64? {
        if customers.count == context.customerCount {
            return plan.anchorOnFirstPurchase ? context.facts.firstPurchaseSpan?.lowerBound : context.facts.earliestSignup
        }
        return SpanWitness.earliestTime(anchors, among: customers)
    }

    /// The index of the first run whose key is at least `key` (runs ascend by key).
    static func firstRun(atOrAfter key: Int64, in runs: [RetentionScan.Active]) -> Int {
        var low = 0, high = runs.count
        while low < high {
            let mid = (low + high) / 2
            if runs[mid].key < key { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
