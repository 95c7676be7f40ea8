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
        // anchor (a signup in 1900) would otherwise ask for gigabytes.
        var labels: [String], rowOf: (Int32, RetentionScan.Entry) -> Int
        var maxAge: Int64?, witness: (customer: Int32, time: Int64)?
        if plan.start == nil {
            let anchors = scan.anchors
            let grouping = scope.grouping
            labels = grouping?.labels ?? ["all"]
            var cohortKeys: [Int32] = []
            if let grouping {
                guard let keys = GroupKeys([grouping]) else {
                    throw Diagnostic("too many cohorts: more than \(GroupKeys.limit)", at: plan.span, hints: ["use a longer cohort period"])
                }
                cohortKeys = keys.materialize(scope, context).customer
            }
            rowOf = { c, _ in cohortKeys.isEmpty ? 0 : Int(cohortKeys[Int(c)]) }
            if let c = SpanWitness.earliest(anchors, among: list) {
                let time = anchors[Int(c)]
                witness = (c, time)
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
            var periods = Set<Int64>()
            for f in found {
                periods.formUnion(f.periods)
                if let e = f.earliest, witness.map({ e.time < $0.time }) ?? true { witness = e }
            }
            let sorted = periods.sorted()
            var rowIndex: [Int64: Int] = [:]
            for (i, p) in sorted.enumerated() { rowIndex[p] = i }
            labels = sorted.map(scan.table.calendar.label)
            rowOf = { _, entry in rowIndex[entry.period] ?? 0 }
            maxAge = witness.map { scan.age(RetentionScan.Entry(period: scan.table.index($0.time), time: $0.time)) }
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
        struct Partial { var sizes: [Int64]; var reached: [Int64]; var base: [Double]; var cells: [Double] }
        let partials: [Partial] = Parallel.map(parts.count) { k in
            var p = Partial(sizes: Array(repeating: 0, count: rowCount), reached: Array(repeating: 0, count: rowCount * width),
                            base: countsCustomers ? [] : Array(repeating: 0, count: rowCount * width),
                            cells: Array(repeating: 0, count: rowCount * width))
            var entries: [RetentionScan.Entry] = [], active: [RetentionScan.Active] = []
            var sums = [Double](repeating: 0, count: width), touched: [Int] = [], isTouched = [Bool](repeating: false, count: width)
            var qualifiesFrom: [Bool] = []
            let lastOffset = Int64(columns.ends[columns.count - 1])
            for i in parts[k] {
                let c = list[i]
                scan.entries(of: c, into: &entries)
                if entries.isEmpty { continue }
                if scan.rollingLength == nil {
                    scan.activity(of: c, from: nil, into: &active)
                    Self.markQualifying(active, minEvents: kind.minEvents, into: &qualifiesFrom)
                }
                for entry in entries {
                    if scan.rollingLength != nil {
                        scan.activity(of: c, from: entry, into: &active)
                        Self.markQualifying(active, minEvents: kind.minEvents, into: &qualifiesFrom)
                    }
                    let row = rowOf(c, entry), cell = row * width
                    p.sizes[row] += 1
                    var latest = -1
                    // Runs from the entry's period 0 to the last column; past it, only whether one qualifies
                    // (unbounded: "active in the last column or later"). O(log runs + runs in the window).
                    var i = scan.rollingLength == nil ? Self.firstRun(atOrAfter: entry.period, in: active) : 0
                    while i < active.count {
                        let run = active[i], offset = scan.offset(run, from: entry)
                        guard offset <= lastOffset, let column = columns.column(of: Int(offset)) else {
                            if qualifiesFrom[i] { latest = width - 1 }
                            break
                        }
                        i += 1
                        guard kind.minEvents <= 1 || run.count >= kind.minEvents else { continue }
                        latest = max(latest, column)
                        if !isTouched[column] { isTouched[column] = true; touched.append(column) }
                        switch kind.value {
                        case .customers: sums[column] = 1
                        case .orders: sums[column] += Double(run.count)
                        case .revenue: sums[column] += run.value
                        }
                    }
                    if plan.unbounded {
                        if latest >= 0 { for column in 0...latest { p.cells[cell + column] += 1 } }
                    } else {
                        for column in touched { p.cells[cell + column] += sums[column] }
                    }
                    let age = scan.age(entry)
                    if let reached = columns.reachedColumn(age: age > Int64(Int32.max) ? Int(Int32.max) : Int(age)) {
                        p.reached[cell + reached] += 1
                        if !countsCustomers { p.base[cell + reached] += sums[0] }
                    }
                    for column in touched { sums[column] = 0; isTouched[column] = false }
                    touched.removeAll(keepingCapacity: true)
                }
            }
            return p
        }
        try context.checkCancelled()

        var rows = (0..<rowCount).map { RetentionTableBuilder.Row(label: labels[$0], size: 0, columns: width) }
        for p in partials {
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
    private static func checkSize(_ plan: RetentionPlan, rows: Int, columns: Int64, witness: (customer: Int32, time: Int64)?,
                                  scope: Scope, _ context: EvalContext) throws(Diagnostic) {
        let (cells, overflow) = Int64(rows).multipliedReportingOverflow(by: columns)
        guard columns > Int64(Self.maxColumns) || overflow || cells > Int64(Self.maxCells) else { return }
        let cohorts = plan.start == nil ? rows - 1 : rows
        var message = "the retention table would have \(cohorts) cohorts × \(columns) \(plan.period.rawValue)s; at most "
            + "\(Self.maxColumns) \(plan.period.rawValue)s and \(Self.maxCells) cells"
        if let (c, time) = witness, columns > 1 {
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

    /// The index of the first run whose key is at least `key` (runs ascend by key).
    static func firstRun(atOrAfter key: Int64, in runs: [RetentionScan.Active]) -> Int {
        var low = 0, high = runs.count
        while low < high {
            let mid = (low + high) / 2
            if runs[mid].key < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// `out[i]`: whether run i or a later one qualifies (has at least `minEvents` events).
    static func markQualifying(_ runs: [RetentionScan.Active], minEvents: Int, into out: inout [Bool]) {
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: repeatElement(false, count: runs.count + 1))
        for i in stride(from: runs.count - 1, through: 0, by: -1) { out[i] = out[i + 1] || minEvents <= 1 || runs[i].count >= minEvents }
    }
}
