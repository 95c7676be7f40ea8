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
        let summary = "collapse each customer's purchases up to as_of to calendar days; frequency = purchase days − 1, "
            + "recency = last − first purchase day, T = as_of's day − first purchase day, monetary = mean value of the repeat days"
        switch spec.kind {
        case .rfm: return summary + "; score each of recency (days since the last purchase), frequency and monetary in quintiles (5 best) and name the segment"
        case .clv: return summary + "; fit BG/NBD and Gamma-Gamma on them and predict each customer's purchases, order value and value over the horizon"
        case .params: return summary + "; fit BG/NBD (r, alpha, a, b) and Gamma-Gamma (p, q, v) by maximum likelihood"
        case .check: return summary + "; fit BG/NBD and compare its predicted cumulative repeat purchases after as_of with the actual ones, period by period"
        }
    }

    /// The formulas section: what the scores or the models compute, in words.
    func formulas() -> [String] {
        let unit = value.unit.rawValue
        if value.kind == .rfm {
            return ["formulas",
                    "  score = 1 + ⌊5 × (customers strictly worse) / customers⌋: quintiles, 5 the best fifth, ties share the lower one",
                    "  r_score ranks T − recency (\(unit)s since the last purchase; fewest best), f_score frequency, m_score monetary",
                    "  segment from r_score and fm = ⌊(f_score + m_score) / 2⌋ (the table in LANGUAGE.md: champions r 5, fm 4–5; lost r 1, fm 1–2; …)"]
        }
        var lines = ["formulas",
                     "  BG/NBD (Fader, Hardie & Lee 2005): while alive a customer buys at a Poisson rate λ, and after each purchase drops out with probability p",
                     "    λ ~ Gamma(r, alpha) across customers: mean r / alpha purchases per \(unit); a small r means very unequal rates (purchase-rate heterogeneity)",
                     "    p ~ Beta(a, b): mean dropout probability a / (a + b) after each purchase",
                     "    p_alive = 1 / (1 + [x > 0] · a / (b + x − 1) · ((alpha + T) / (alpha + t_x))^(r + x))",
                     "    expected_purchases(t) = (a + b + x − 1) / (a − 1) · [1 − ((alpha + T) / (alpha + T + t))^(r + x) · 2F1(r + x, b + x; a + b + x − 1; t / (alpha + T + t))] / (1 + [x > 0] · a / (b + x − 1) · ((alpha + T) / (alpha + t_x))^(r + x))",
                     "    r, alpha, a, b maximise Σ ln L(x, t_x, T) over the customers (Nelder–Mead on their logarithms)"]
        if value.kind != .check {
            lines += ["  Gamma-Gamma (Fader, Hardie & Lee 2005, RFM and CLV), on the customers with x > 0: order values ~ Gamma(p, ν), ν ~ Gamma(q, v)",
                      "    expected_order_value = (q − 1) / (p x + q − 1) · p v / (q − 1) + p x / (p x + q − 1) · monetary (the population mean p v / (q − 1) for x = 0)",
                      "    clv = Σ over the horizon's \(unit)s k of expected_order_value × (expected_purchases(k) − expected_purchases(k − 1)) / (1 + discount)^(k \(unit)s / 365 days)"
                      + " (without a discount: expected_order_value × expected_purchases(horizon))"]
        }
        return lines
    }

    /// The worked customer's history and what the step makes of it.
    func example(_ customer: ExampleCustomer, scope: Scope) -> String {
        var one = scope
        one.customers = [customer.code]
        let days = PurchaseDays.summarize(one, context)
        guard days.customers.count == 1 else { return "no purchase by as_of → not in the table" }
        let summary = days.summary(daysPerUnit: value.daysPerUnit)
        let x = summary.frequency[0], tx = summary.recency[0], T = summary.age[0], m = summary.monetary[0]
        let unit = value.unit.rawValue
        var text = "purchase days up to as_of: \(days.frequency[0] + 1) → x = \(Int(x)), t_x = \(number(tx)) \(unit)s, T = \(number(T)) \(unit)s, "
            + "monetary = \(ExampleCustomer.money(m))"
        guard value.kind == .clv || value.kind == .params || value.kind == .check else { return text + "; their scores rank these among the customers in scope" }
        let all = PurchaseDays.summarize(scope, context).summary(daysPerUnit: value.daysPerUnit)
        let model: BetaGeometricNBD
        do {
            model = try BetaGeometricNBD.fit(all, isCancelled: context.isCancelled).model
        } catch {
            // Ctrl-C stops the fit (seconds on 1M customers) without losing the rest of the explanation.
            return text + (error.isCancellation ? "\n(the fit was cancelled)" : "\n(the model cannot be fitted on this scope)")
        }
        let horizon = value.horizon ?? LogicalQuery.CustomerValue.defaultHorizonDays / value.daysPerUnit
        let alive = model.probabilityAlive(frequency: x, recency: tx, age: T)
        let expected = model.expectedPurchases(within: horizon, frequency: x, recency: tx, age: T)
        text += "\nwith r \(number(model.r)), alpha \(number(model.alpha)), a \(number(model.a)), b \(number(model.b)): p_alive = \(number(alive)), "
            + "expected_purchases over \(number(horizon)) \(unit)s = \(number(expected))"
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
