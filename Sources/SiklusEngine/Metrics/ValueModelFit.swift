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
            throw Diagnostic(error.text(in: .current), at: span, hints: error.hint.map { [$0.text(in: .current)] } ?? [])
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
        var notes = [MessageCatalog.text("clv.note.fitted", ["customers": String(fits.purchases.customers), "repeaters": String(fits.spend.customers),
                                                             "unit": MessageCatalog.noun(value.unit.rawValue)])]
        let (a, b) = (fits.purchases.model.a, fits.purchases.model.b)
        if a + b > 10_000 {
            // The likelihood is flat along a/(a+b) fixed: the optimiser stopped somewhere on that ridge.
            notes.append(MessageCatalog.text("clv.note.not_identified", ["ratio": ExplainWords.decimal(number(a / (a + b)))]))
        }
        return ResultTable(columns: columns, title: .clvParams(period: value.unit), notes: notes)
    }

    /// `clv check`: per period after as_of, actual and predicted cumulative repeat purchases of the calibration
    /// customers; `long` gives (period, series, repeat_purchases) so a plot draws both lines in one chart.
    static func checkTable(_ value: LogicalQuery.CustomerValue, summary: PurchaseSummary, holdoutDayCounts: [Int], periods: Int,
                           asOfDay: Int64, long: Bool, isCancelled: @escaping @Sendable () -> Bool) throws(Diagnostic) -> ResultTable {
        guard periods > 0 else {
            throw Diagnostic(MessageCatalog.text("clv.no_holdout"), at: value.span, hints: [MessageCatalog.text("clv.no_holdout_hint")])
        }
        guard periods <= 10_000 else {
            throw Diagnostic(MessageCatalog.text("clv.holdout_too_long", ["periods": units(periods, value.unit)]), at: value.span,
                             hints: [MessageCatalog.text("clv.holdout_too_long_hint")])
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
        // A decimal comma in Indonesian, as in the worked examples.
        let oneDecimal = { (x: Double) in ExplainWords.decimal(ValueModelFit.number((x * 10).rounded() / 10)) }
        let notes = [MessageCatalog.text("clv.note.check", ["periods": units(periods, value.unit), "actual": ExplainWords.decimal(number(total.0)), "predicted": oneDecimal(total.1),
                                                            "error": (error >= 0 ? "+" : "") + oneDecimal(error), "customers": String(summary.count)])]
        let title = ResultTitle.clvCheck(period: value.unit)
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

    /// `12 weeks` (`12 minggu`): a count of the time unit, for notes and errors.
    static func units(_ count: Int, _ unit: PeriodUnit) -> String {
        MessageCatalog.text("clv.units", ["count": String(count), "unit": MessageCatalog.noun(unit.rawValue)])
    }

    /// A number for notes: up to 4 decimals, no trailing zeros (as titles write one).
    static func number(_ value: Double) -> String { ResultTitle.number(value) }
}
