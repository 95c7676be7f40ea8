import SiklusLanguage
import SiklusValueModels

/// Fits BG/NBD and Gamma-Gamma on a summary for the `clv` steps, turning a failed fit into an error at the
/// step, and builds the `clv params` and `clv check` tables.
enum ValueModelFit {
    struct Fits {
        var purchases: ModelFit<BetaGeometricNBD>
        var spend: ModelFit<GammaGammaSpend>
    }

    /// Both fits; a fit that does not converge is an error with its reason, never numbers. The optimisers poll
    /// `isCancelled` (Ctrl-C) every iteration; a cancelled fit is `query cancelled`, like any cancelled statement.
    static func fit(_ summary: PurchaseSummary, span: SourceSpan?, needsSpend: Bool = true,
                    isCancelled: @escaping @Sendable () -> Bool) throws(Diagnostic) -> Fits {
        do {
            let purchases = try BetaGeometricNBD.fit(summary, isCancelled: isCancelled)
            let spend = needsSpend ? try GammaGammaSpend.fit(summary, isCancelled: isCancelled)
                : ModelFit(model: GammaGammaSpend(p: .nan, q: .nan, v: .nan), logLikelihood: .nan, iterations: 0, customers: 0)
            return Fits(purchases: purchases, spend: spend)
        } catch {
            if error.isCancellation { throw Diagnostic("query cancelled", at: nil) }
            throw Diagnostic(error.description, at: span, hints: error.hint.map { [$0] } ?? [])
        }
    }

    static func lifetimeValues(_ fits: Fits, summary: PurchaseSummary, horizon: Double, daysPerUnit: Double, discount: Double?) -> [LifetimeValue] {
        LifetimeValue.of(summary, purchases: fits.purchases.model, spend: fits.spend.model, horizon: horizon, daysPerUnit: daysPerUnit,
                         annualDiscount: discount)
    }

    /// `clv params`: model, parameter, estimate; then log_likelihood and iterations per model.
    static func paramsTable(_ value: LogicalQuery.CustomerValue, summary: PurchaseSummary,
                            isCancelled: @escaping @Sendable () -> Bool) throws(Diagnostic) -> ResultTable {
        let fits = try fit(summary, span: value.span, isCancelled: isCancelled)
        var rows: [(String, String, Double)] = []
        rows += fits.purchases.model.named.map { ("bgnbd", $0.name, $0.value) }
        rows += [("bgnbd", "log_likelihood", fits.purchases.logLikelihood), ("bgnbd", "iterations", Double(fits.purchases.iterations))]
        rows += fits.spend.model.named.map { ("gamma_gamma", $0.name, $0.value) }
        rows += [("gamma_gamma", "log_likelihood", fits.spend.logLikelihood), ("gamma_gamma", "iterations", Double(fits.spend.iterations))]
        let columns = [
            ResultColumn(name: "model", unit: .text, values: .text(rows.map(\.0))),
            ResultColumn(name: "parameter", unit: .text, values: .text(rows.map(\.1))),
            // No unit: the reading modes show 6 significant digits (a ratio would show two decimals of r = 0.2426),
            // csv and json the exact number.
            ResultColumn(name: "estimate", unit: .text, values: .number(rows.map(\.2))),
        ]
        var notes = ["bgnbd fitted on \(fits.purchases.customers) customers, gamma_gamma on the \(fits.spend.customers) with a repeat purchase "
                     + "of positive value; time in \(value.unit.rawValue)s"]
        let (a, b) = (fits.purchases.model.a, fits.purchases.model.b)
        if a + b > 10_000 {
            // The likelihood is flat along a/(a+b) fixed: the optimiser stopped somewhere on that ridge.
            notes.append("a and b are not identified (a + b > 10000): every customer drops out with about the same probability, "
                         + "a / (a + b) = \(number(a / (a + b))), after each purchase; only that ratio means something")
        }
        return ResultTable(columns: columns, title: "clv params per \(value.unit.rawValue) (maximum likelihood up to as_of)", notes: notes)
    }

    /// `clv check`: per period after as_of, actual and predicted cumulative repeat purchases of the calibration
    /// customers; `long` gives (period, series, repeat_purchases) so a plot draws both lines in one chart.
    static func checkTable(_ value: LogicalQuery.CustomerValue, summary: PurchaseSummary, holdoutDayCounts: [Int], periods: Int,
                           asOfDay: Int64, long: Bool, isCancelled: @escaping @Sendable () -> Bool) throws(Diagnostic) -> ResultTable {
        guard periods > 0 else {
            throw Diagnostic("no purchase after as_of to check the model against", at: value.span,
                             hints: ["set as_of earlier than the last purchase (`set as_of = …`): the purchases after it are the holdout"])
        }
        guard periods <= 10_000 else {
            throw Diagnostic("the holdout spans \(periods) \(value.unit.rawValue)s; clv check shows at most 10000", at: value.span,
                             hints: ["add a horizon: `clv check horizon 39w`"])
        }
        let fits = try fit(summary, span: value.span, needsSpend: false, isCancelled: isCancelled)
        let ends = (1...periods).map { Double($0) }
        let predicted = LifetimeValue.cumulativePurchases(summary, model: fits.purchases.model, at: ends)
        var actual: [Double] = []
        var running = 0, day = 0
        for k in 1...periods {
            let lastDay = Int((Double(k) * value.daysPerUnit).rounded(.down))
            while day < min(lastDay, holdoutDayCounts.count - 1) { day += 1; running += holdoutDayCounts[day] }
            actual.append(Double(running))
        }
        let total = (actual.last ?? 0, predicted.last ?? 0)
        let error = total.0 > 0 ? (total.1 - total.0) / total.0 * 100 : 0
        let oneDecimal = { (x: Double) in ValueModelFit.number((x * 10).rounded() / 10) }
        let notes = ["over \(periods) \(value.unit.rawValue)s after as_of: actual \(number(total.0)) repeat purchases, predicted "
                     + "\(oneDecimal(total.1)) (\(error >= 0 ? "+" : "")\(oneDecimal(error)) %), from \(summary.count) customers fitted up to as_of"]
        let title = "clv check per \(value.unit.rawValue): cumulative repeat purchases after as_of, actual and BG/NBD"
        let periodsColumn = (1...periods).map { Int64($0) }
        guard long else {
            return ResultTable(columns: [
                ResultColumn(name: "period", unit: .count, values: .integer(periodsColumn)),
                ResultColumn(name: "actual", unit: .count, values: .number(actual)),
                ResultColumn(name: "predicted", unit: .count, values: .number(predicted)),
            ], title: title, notes: notes)
        }
        return ResultTable(columns: [
            ResultColumn(name: "period", unit: .count, values: .integer(periodsColumn + periodsColumn)),
            ResultColumn(name: "series", unit: .text, values: .text(Array(repeating: "actual", count: periods) + Array(repeating: "predicted", count: periods))),
            ResultColumn(name: "repeat_purchases", unit: .count, values: .number(actual + predicted)),
        ], shape: .series, title: title, notes: notes)
    }

    /// A number for notes and titles: up to 4 significant decimals, no trailing zeros.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let rounded = (value * 10_000).rounded() / 10_000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
    }
}
