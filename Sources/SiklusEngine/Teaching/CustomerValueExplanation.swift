import SiklusLanguage
import SiklusStore
import SiklusValueModels

/// `explain … | rfm` and `explain … | clv`: the step in words, the models' formulas and what their fitted
/// parameters mean, and the worked customer's x, tₓ, T turned into scores or p_alive and expected purchases.
struct CustomerValueExplanation {
    let value: LogicalQuery.CustomerValue
    let context: EvalContext

    /// The plan's line for the step.
    static func planLine(_ spec: CustomerValueSpec) -> String {
        let summary = MessageCatalog.text("explain.value.summary")
        switch spec.kind {
        case .rfm: return summary + MessageCatalog.text("explain.value.rfm")
        case .clv: return summary + MessageCatalog.text("explain.value.clv")
        case .params: return summary + MessageCatalog.text("explain.value.params")
        case .check: return summary + MessageCatalog.text("explain.value.check")
        }
    }

    /// The formulas section: what the scores or the models compute, in words.
    func formulas() -> [String] {
        let unit = ExplainWords.period(value.unit), units = ExplainWords.periods(value.unit)
        if value.kind == .rfm {
            return [MessageCatalog.text("explain.formulas"),
                    "  " + MessageCatalog.text("explain.value.score"),
                    "  " + MessageCatalog.text("explain.value.r_score", ["units": units]),
                    "  " + MessageCatalog.text("explain.value.segment")]
        }
        var lines = [MessageCatalog.text("explain.formulas"),
                     "  " + MessageCatalog.text("explain.value.bgnbd"),
                     "    " + MessageCatalog.text("explain.value.lambda", ["unit": unit]),
                     "    " + MessageCatalog.text("explain.value.dropout"),
                     "    p_alive = 1 / (1 + [x > 0] · a / (b + x − 1) · ((alpha + T) / (alpha + t_x))^(r + x))",
                     "    expected_purchases(t) = (a + b + x − 1) / (a − 1) · [1 − ((alpha + T) / (alpha + T + t))^(r + x) · 2F1(r + x, b + x; a + b + x − 1; t / (alpha + T + t))] / (1 + [x > 0] · a / (b + x − 1) · ((alpha + T) / (alpha + t_x))^(r + x))",
                     "    " + MessageCatalog.text("explain.value.maximise")]
        if value.kind != .check {
            lines += ["  " + MessageCatalog.text("explain.value.gamma_gamma"),
                      "    " + MessageCatalog.text("explain.value.order_value"),
                      "    " + MessageCatalog.text("explain.value.clv_sum", ["units": units])]
        }
        return lines
    }

    /// The worked customer's history and what the step makes of it.
    func example(_ customer: ExampleCustomer, scope: Scope) -> String {
        var one = scope
        one.customers = [customer.code]
        let days = PurchaseDays.summarize(one, context)
        guard days.customers.count == 1 else { return MessageCatalog.text("example.value.none") }
        let summary = days.summary(daysPerUnit: value.daysPerUnit)
        let x = summary.frequency[0], tx = summary.recency[0], T = summary.age[0], m = summary.monetary[0]
        let units = ExplainWords.periods(value.unit)
        var text = MessageCatalog.text("example.value.days", ["days": String(days.frequency[0] + 1), "x": String(Int(x)), "t_x": number(tx), "T": number(T),
                                                              "units": units, "monetary": ExampleCustomer.money(m)])
        guard value.kind == .clv || value.kind == .params || value.kind == .check else { return text + MessageCatalog.text("example.value.scores") }
        let all = PurchaseDays.summarize(scope, context).summary(daysPerUnit: value.daysPerUnit)
        let model: BetaGeometricNBD
        do {
            model = try BetaGeometricNBD.fit(all, isCancelled: context.isCancelled).model
        } catch {
            // Ctrl-C stops the fit (seconds on 1M customers) without losing the rest of the explanation.
            return text + "\n" + MessageCatalog.text(error.isCancellation ? "example.value.cancelled" : "example.value.no_fit")
        }
        let horizon = value.horizon ?? LogicalQuery.CustomerValue.defaultHorizonDays / value.daysPerUnit
        let alive = model.probabilityAlive(frequency: x, recency: tx, age: T)
        let expected = model.expectedPurchases(within: horizon, frequency: x, recency: tx, age: T)
        text += "\n" + MessageCatalog.text("example.value.fitted", ["r": number(model.r), "alpha": number(model.alpha), "a": number(model.a), "b": number(model.b),
                                                                     "alive": number(alive), "horizon": number(horizon), "units": units, "expected": number(expected)])
        return text
    }

    private func number(_ value: Double) -> String { ValueModelFit.number(value) }

    /// Whether the customer bought on at least three days by as_of (two repeat purchases: a history the
    /// models say something about).
    static func hasRepeatHistory(_ customer: ExampleCustomer, _ rows: [Int]) -> Bool {
        let asOfDay = CivilTime.day(of: customer.context.asOf)
        var days = Set<Int64>()
        for r in rows where PurchaseDays.isPurchase(r, customer.context) {
            let day = CivilTime.day(of: customer.context.store.events.ts[r])
            if day <= asOfDay { days.insert(day) }
            if days.count >= 3 { return true }
        }
        return false
    }
}
