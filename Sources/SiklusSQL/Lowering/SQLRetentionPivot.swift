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
/// The pivot then works as `RetentionMatrix`: width = the largest age + 1 (at least 1), capped at
/// horizon + 1; a customer has reached period k when their age ≥ k; cell k is empty when nobody of the
/// cohort has reached it, else the active count (unbounded: customers whose latest offset ≥ k), or that
/// count as a percentage of those who reached k.
/// - Complexity: O(rows + cohorts × columns).
public struct SQLRetentionPivot: Sendable, Equatable {
    /// The most period columns the pivot builds (as the in-memory engine's limit).
    public static let maxColumns = 10_001
    /// The most cells (cohorts × period columns) it builds, as `RetentionMatrix`'s limit.
    public static let maxCells = 10_000_000

    public var percent: Bool
    public var unbounded: Bool
    public var horizon: Int?
    public var title: String

    func table(_ rows: SQLRows) throws(SQLResultError) -> ResultTable {
        guard rows.columns.count == 4, case .integer(let kinds) = rows.columns[0].values,
              case .integer(let periods) = rows.columns[2].values, case .integer(let values) = rows.columns[3].values else {
            throw SQLResultError("retention cells must be (kind, cohort, period, value) with integer kind, period and value")
        }
        let cohortValues = try SQLLoweredQuery.values(rows.columns[1].values, as: .text)
        guard case .text(let cohortLabels) = cohortValues else { throw SQLResultError("retention cohorts must be text") }
        var order: [String] = [], sizes: [String: Int64] = [:]
        var reach: [String: [Int64: Int64]] = [:], active: [String: [Int64: Int64]] = [:]
        var maxAge: Int64?
        for r in 0..<rows.rowCount {
            let cohort = cohortLabels[r] ?? "(none)", value = values[r] ?? 0
            switch kinds[r] {
            case 1:
                order.append(cohort)
                sizes[cohort] = value
            case 2:
                guard let age = periods[r] else { continue }
                reach[cohort, default: [:]][age, default: 0] += value
                maxAge = max(maxAge ?? age, age)
            case 3:
                guard let period = periods[r] else { continue }
                active[cohort, default: [:]][period, default: 0] += value
            default:
                throw SQLResultError("unknown retention row kind \(String(describing: kinds[r]))")
            }
        }
        let width = maxAge.map { Int(max(0, min($0, Int64(Self.maxColumns)))) + 1 } ?? 1
        let columns = min(width, (horizon ?? Int.max - 1) + 1)
        guard columns <= Self.maxColumns else { throw SQLResultError("the retention table would have more than \(Self.maxColumns) columns") }
        guard order.count <= Self.maxCells / columns else {
            throw SQLResultError("the retention table would have \(order.count) cohorts × \(columns) periods; at most \(Self.maxCells) cells")
        }
        var result = [
            ResultColumn(name: "cohort", unit: .text, values: .text(order)),
            ResultColumn(name: "customers", unit: .count, values: .integer(order.map { sizes[$0] })),
        ]
        // Per cohort: customers who reached period k, and active customers in k, as suffix sums where
        // "k or later" is meant (ages and unbounded latest offsets past the last column count in it).
        func perPeriod(_ counts: [Int64: Int64]?, suffix: Bool) -> [Int64] {
            var cells = [Int64](repeating: 0, count: columns)
            for (period, n) in counts ?? [:] where period >= 0 {
                if suffix { cells[Int(min(period, Int64(columns - 1)))] += n } else if period < Int64(columns) { cells[Int(period)] += n }
            }
            if suffix { for k in stride(from: columns - 2, through: 0, by: -1) { cells[k] += cells[k + 1] } }
            return cells
        }
        let reached = order.map { perPeriod(reach[$0], suffix: true) }
        let counts = order.map { perPeriod(active[$0], suffix: unbounded) }
        for k in 0..<columns {
            if percent {
                result.append(ResultColumn(name: String(k), unit: .percent, values: .number(order.indices.map { c in
                    reached[c][k] > 0 ? Double(counts[c][k]) / Double(reached[c][k]) * 100 : nil
                })))
            } else {
                result.append(ResultColumn(name: String(k), unit: .count, values: .integer(order.indices.map { c in
                    reached[c][k] > 0 ? counts[c][k] : nil
                })))
            }
        }
        return ResultTable(columns: result, shape: .retention, title: title)
    }
}
