import SiklusLanguage
import SiklusValueModels

/// The tables of `rfm` and `clv` (and, through `ValueModelFit`, `clv params` and `clv check`), from the
/// per-customer summary: `PurchaseDays` in memory, or the rows a connected engine returns.
enum CustomerValueTable {
    /// - Complexity: O(customers in scope + their rows) for the summary; then `rfm` O(n log n), `clv` the fits
    ///   (see `ValueModelFit`) and O(distinct histories × ₂F₁ terms (× horizon periods with a discount)).
    static func build(_ value: LogicalQuery.CustomerValue, scope: Scope, _ context: EvalContext,
                      presentation: LogicalQuery.Presentation, spendScope: [LogicalQuery.SpendScopeStep] = [],
                      activeRange: ActiveUsersRange? = nil) throws(Diagnostic) -> ResultTable {
        try context.checkCancelled()
        let days = PurchaseDays.summarize(scope, context)
        let ids = days.customers.map { context.store.customerIDs[$0] }
        let summary = days.summary(daysPerUnit: value.daysPerUnit)
        if value.kind == .rfm, value.metrics != nil || !value.groups.isEmpty {
            return try RFMGroups.build(value, table: rfm(value, ids: ids, summary: summary), customers: days.customers, scope: scope, context,
                                       spendScope: spendScope, activeRange: activeRange)
        }
        return try table(value, ids: ids, summary: summary, asOfDay: days.asOfDay, presentation: presentation,
                         lastHoldoutOffset: { days.lastHoldoutOffset(scope, context) },
                         holdoutDays: { days.holdoutDays(scope, context, lastOffset: $0) }, isCancelled: context.isCancelled)
    }

    /// The per-customer table (or `clv params`, `clv check`) from the summary, wherever it was computed:
    /// `lastHoldoutOffset` is the last purchase day after as_of among these customers (0 when none), as an
    /// offset from as_of; `holdoutDays(lastOffset)` their purchase days per offset 0 … lastOffset (as
    /// `PurchaseDays.holdoutDays`). Both are read only by `clv check`. The fits poll `isCancelled` (Ctrl-C).
    static func table(_ value: LogicalQuery.CustomerValue, ids: [String], summary: PurchaseSummary, asOfDay: Int64,
                      presentation: LogicalQuery.Presentation, lastHoldoutOffset: () -> Int64,
                      holdoutDays: (Int64) -> [Int], isCancelled: @escaping @Sendable () -> Bool) throws(Diagnostic) -> ResultTable {
        switch value.kind {
        case .rfm: return rfm(value, ids: ids, summary: summary)
        case .clv: return try clv(value, ids: ids, summary: summary, isCancelled: isCancelled)
        case .params: return try ValueModelFit.paramsTable(value, summary: summary, isCancelled: isCancelled)
        case .check:
            let holdout = lastHoldoutOffset()
            let periods = value.horizon.map { Int($0.rounded(.up)) } ?? Int((Double(holdout) / value.daysPerUnit).rounded(.up))
            let lastOffset = Int64((Double(periods) * value.daysPerUnit).rounded(.up))
            let counts = holdoutDays(lastOffset)
            return try ValueModelFit.checkTable(value, summary: summary, holdoutDayCounts: counts, periods: periods,
                                                 asOfDay: asOfDay, long: presentation != .table, isCancelled: isCancelled)
        }
    }

    static func summaryColumns(_ value: LogicalQuery.CustomerValue, ids: [String], summary: PurchaseSummary) -> [ResultColumn] {
        let timeUnit: ValueUnit = value.unit == .day ? .days : .ratio
        return [
            ResultColumn(name: "customer", unit: .text, values: .text(ids)),
            ResultColumn(name: "frequency", unit: .count, values: .integer(summary.frequency.map { Int64($0) })),
            ResultColumn(name: "recency", unit: timeUnit, values: .number(summary.recency)),
            ResultColumn(name: "T", unit: timeUnit, values: .number(summary.age)),
            ResultColumn(name: "monetary", unit: .money, values: .number(summary.monetary)),
        ]
    }

    static func rfm(_ value: LogicalQuery.CustomerValue, ids: [String], summary: PurchaseSummary) -> ResultTable {
        let sinceLast = zip(summary.age, summary.recency).map { $0 - $1 }
        let r = RFMScores.quintiles(sinceLast, higherIsBetter: false)
        let f = RFMScores.quintiles(summary.frequency, higherIsBetter: true)
        let m = RFMScores.quintiles(summary.monetary, higherIsBetter: true)
        let segments = summary.frequency.indices.map { RFMScores.segment(r: r[$0], f: f[$0], m: m[$0]) }
        let columns = summaryColumns(value, ids: ids, summary: summary) + [
            ResultColumn(name: "r_score", unit: .count, values: .integer(r.map(Int64.init))),
            ResultColumn(name: "f_score", unit: .count, values: .integer(f.map(Int64.init))),
            ResultColumn(name: "m_score", unit: .count, values: .integer(m.map(Int64.init))),
            ResultColumn(name: "segment", unit: .text, values: .text(segments)),
        ]
        return ResultTable(columns: columns, title: .rfm(period: value.unit))
    }

    static func clv(_ value: LogicalQuery.CustomerValue, ids: [String], summary: PurchaseSummary,
                    isCancelled: @escaping @Sendable () -> Bool) throws(Diagnostic) -> ResultTable {
        let fits = try ValueModelFit.fit(summary, span: value.span, isCancelled: isCancelled)
        let horizon = value.horizon ?? LogicalQuery.CustomerValue.defaultHorizonDays / value.daysPerUnit
        let predictions = ValueModelFit.lifetimeValues(fits, summary: summary, horizon: horizon, daysPerUnit: value.daysPerUnit,
                                                       discount: value.discount)
        let pAlive = summary.frequency.indices.map {
            fits.purchases.model.probabilityAlive(frequency: summary.frequency[$0], recency: summary.recency[$0], age: summary.age[$0])
        }
        let columns = summaryColumns(value, ids: ids, summary: summary) + [
            ResultColumn(name: "p_alive", unit: .ratio, values: .number(pAlive)),
            ResultColumn(name: "expected_purchases", unit: .ratio, values: .number(predictions.map(\.expectedPurchases))),
            ResultColumn(name: "expected_order_value", unit: .money, values: .number(predictions.map(\.expectedOrderValue))),
            ResultColumn(name: "clv", unit: .money, values: .number(predictions.map(\.value))),
        ]
        return ResultTable(columns: columns, title: .clv(horizon: horizon, period: value.unit, discount: value.discount))
    }
}
