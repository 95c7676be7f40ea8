import SiklusLanguage
import SiklusPlan

/// What `lifecycle` and `stickiness` share: period numbers counted from 1970-01-01's period, their labels, and a
/// series of consecutive period numbers built from four `VALUES` tables of digits (so every dialect runs it;
/// hence at most 10,000 periods, the limit the in-memory engine refuses beyond).
extension SQLLoweringState {
    /// The period number of a time: whole periods from 1970-01-01's period to its.
    func trendPeriodNumber(_ unit: PeriodUnit, _ time: SQLExpression) -> SQLExpression {
        .library(.periodDifference(period(unit)), [.timestamp(0), time])
    }

    /// The label of period number `number`: the label of a time in the middle of it. Day and week are exact;
    /// months, quarters and years use the mean Gregorian length, whose drift from the calendar stays within a
    /// few days of the middle over ±1000 years (checked), so the time always falls inside the period.
    func trendPeriodLabel(_ unit: PeriodUnit, _ number: SQLExpression) -> SQLExpression {
        let day: Int64 = 86_400
        let (length, offset): (Int64, Int64) = switch unit {
        case .day: (day, day / 2)
        // Week 0 starts on the week-start day on or before 1970-01-01 (a Thursday).
        case .week: (7 * day, -Int64((4 - query.settings.weekStart + 7) % 7) * day + 7 * day / 2)
        case .month: (2_629_746, 2_629_746 / 2)
        case .quarter: (7_889_238, 7_889_238 / 2)
        case .year: (31_556_952, 31_556_952 / 2)
        }
        let seconds = SQLExpression.binary(.binary(number, .times, .integer(length)), .plus, .integer(offset))
        return .library(.periodLabel(period(unit)), [.library(.timestampFromEpoch, [seconds])])
    }

    /// `first + 0 … first + 9999` up to `last`, as `number`, from a CTE with columns `first_p` and `last_p`
    /// (no row when either is NULL or first > last).
    func trendSeries(from range: String, as number: String) -> SQLSelect {
        let digits = (1...4).map { i in
            SQLTableReference.values((0...9).map { [.integer(Int64($0))] }, alias: "d\(i)", columns: ["n"])
        }
        let offset = (1...4).reduce(SQLExpression.integer(0)) { sum, i in
            .binary(sum, .plus, .binary(.col("d\(i)", "n"), .times, .integer([1, 10, 100, 1000][i - 1])))
        }
        let value = SQLExpression.binary(.col("r", "first_p"), .plus, offset)
        return SQLSelect([.named(value, number)], from: .table(range, alias: "r"), joins: digits.map { SQLJoin(.cross, $0) },
                         where: .binary(value, .lessEqual, .col("r", "last_p")))
    }

    /// The last moment a trend counts: as_of, or the second before a `where ts < …` bound if earlier.
    func trendLastSecond(_ bounds: ScopeTimeBounds) -> SQLExpression {
        guard let end = bounds.end else { return asOf }
        return .call("least", [asOf, .timestamp(end - 1)])
    }

    /// The groups' label columns of a customer (alias `p`), named as the result columns.
    func trendGroupItems(_ dimensions: [SQLDimensionLowering]) -> [SQLSelectItem] {
        dimensions.map { .named($0.label("p"), $0.name) }
    }

    /// The distinct groups of `table` (one row when there are no dimensions and `table` has a row).
    func trendGroups(_ dims: [String], of table: String) -> SQLSelect {
        SQLSelect(distinct: true, dims.isEmpty ? [.named(.integer(1), "one")] : dims.map { .column($0) }, from: .table(table, alias: nil))
    }
}
