import SiklusPlan

/// Builds retention's cohort × period table from the long-form rows its query returns, because the
/// number of period columns depends on the data (from the earliest anchor to as_of, capped by the
/// horizon). The query returns rows `(kind, cohort, period, value)`, ordered by kind, then cohort in
/// Siklus's group order, then period:
///
/// - kind 1, `size`: the cohort and its customers (customers in scope with an anchor);
/// - kind 2, `reach`: per cohort and age (whole periods from the anchor's period to as_of's), customers;
/// - kind 3, `active`: per cohort and period offset k ≥ 0, the customers active in period k (with
///   `unbounded`: per cohort and the latest offset a customer was active in, customers).
///
/// - kind 4, `base` (`value …`): per cohort and age, the entries' period-0 sums.
///
/// Values may be integers or doubles. The pivot then works as `RetentionMatrix`, through the same
/// `RetentionColumns` and `RetentionTableBuilder`: width = the largest age + 1 (at least 1), capped at
/// horizon + 1, or the brackets; an entry has reached column k when its age reaches the column's first
/// period; a cell is empty when nobody of the cohort has reached it.
/// - Complexity: O(rows + cohorts × columns).
public struct SQLRetentionPivot: Sendable, Equatable {
    /// The most period columns the pivot builds (as the in-memory engine's limit).
    public static let maxColumns = 10_001
    /// The most cells (cohorts × period columns) it builds, as `RetentionMatrix`'s limit.
    public static let maxCells = 10_000_000

    public var percent: Bool
    public var unbounded: Bool
    public var horizon: Int?
    public var title: ResultTitle
    /// The step with its kind options, when they are lowered by `retentionKinds` (see `kindTable`).
    public var spec: LogicalQuery.Retention?

    func table(_ rows: SQLRows) throws(SQLResultError) -> ResultTable {
        let spec = spec ?? LogicalQuery.Retention(period: .month, percent: percent, activity: .purchase, unbounded: unbounded, horizon: horizon,
                                                  anchorsOnFirstPurchase: false, span: nil)
        guard rows.columns.count == 4, case .integer(let kinds) = rows.columns[0].values, case .integer(let periods) = rows.columns[2].values else {
            throw SQLResultError("retention cells must be (kind, cohort, period, value) with integer kind and period")
        }
        let values: [Double?]
        switch rows.columns[3].values {
        case .integer(let v): values = v.map { $0.map(Double.init) }
        case .number(let v): values = v
        default: throw SQLResultError("retention values must be numbers")
        }
        guard case .text(let cohortLabels) = try SQLLoweredQuery.values(rows.columns[1].values, as: .text) else {
            throw SQLResultError("retention cohorts must be text")
        }
        var order: [String] = [], sizes: [String: Double] = [:]
        var reach: [String: [Int64: Double]] = [:], base: [String: [Int64: Double]] = [:], active: [String: [Int64: Double]] = [:]
        var maxAge: Int64?
        for r in 0..<rows.rowCount {
            let cohort = cohortLabels[r] ?? "(none)", value = values[r] ?? 0
            switch kinds[r] {
            case 1:
                order.append(cohort)
                sizes[cohort] = value
            case 2, 4:
                guard let age = periods[r] else { continue }
                if kinds[r] == 2 {
                    reach[cohort, default: [:]][age, default: 0] += value
                    maxAge = max(maxAge ?? age, age)
                } else {
                    base[cohort, default: [:]][age, default: 0] += value
                }
            case 3:
                guard let period = periods[r] else { continue }
                active[cohort, default: [:]][period, default: 0] += value
            default:
                throw SQLResultError("unknown retention row kind \(String(describing: kinds[r]))")
            }
        }
        let columns = RetentionColumns(maxAge: maxAge.map { Int(max(0, min($0, Int64(Self.maxColumns)))) }, horizon: spec.horizon,
                                       brackets: spec.kind.brackets)
        guard columns.count <= Self.maxColumns else { throw SQLResultError("the retention table would have more than \(Self.maxColumns) columns") }
        guard order.count <= Self.maxCells / columns.count else {
            throw SQLResultError("the retention table would have \(order.count) cohorts × \(columns.count) periods; at most \(Self.maxCells) cells")
        }
        // Ages sum into the column they reach, then from the right ("reached column k or later"); active
        // columns past the last count in it only for unbounded (a latest column means "k or later").
        func byAge(_ counts: [Int64: Double]?) -> [Double] {
            var cells = [Double](repeating: 0, count: columns.count)
            for (age, n) in counts ?? [:] {
                guard let k = columns.reachedColumn(age: Int(clamping: age)) else { continue }
                cells[k] += n
            }
            for k in stride(from: columns.count - 2, through: 0, by: -1) { cells[k] += cells[k + 1] }
            return cells
        }
        func byColumn(_ counts: [Int64: Double]?) -> [Double] {
            var cells = [Double](repeating: 0, count: columns.count)
            for (column, n) in counts ?? [:] where column >= 0 {
                if spec.unbounded { cells[Int(min(column, Int64(columns.count - 1)))] += n } else if column < Int64(columns.count) { cells[Int(column)] += n }
            }
            if spec.unbounded { for k in stride(from: columns.count - 2, through: 0, by: -1) { cells[k] += cells[k + 1] } }
            return cells
        }
        let result = order.map { cohort in
            var row = RetentionTableBuilder.Row(label: cohort, size: Int64(sizes[cohort] ?? 0), columns: columns.count)
            row.reached = byAge(reach[cohort]).map { Int64($0) }
            row.base = spec.kind.value == .customers ? row.reached.map(Double.init) : byAge(base[cohort])
            row.cells = byColumn(active[cohort])
            return row
        }
        return RetentionTableBuilder(spec: spec, columns: columns, title: title).table(result)
    }
}
