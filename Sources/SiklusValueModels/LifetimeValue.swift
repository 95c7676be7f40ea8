#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Customers' value over a horizon from the two fitted models: expected purchases (BG/NBD) times the
/// expected value of each (Gamma-Gamma), optionally discounted period by period.
public struct LifetimeValue: Sendable, Equatable {
    /// E[Y(horizon) | x, tₓ, T].
    public var expectedPurchases: Double
    /// E[M | x, m̄].
    public var expectedOrderValue: Double
    /// Σₖ E[M] (E[Y(tₖ)] − E[Y(tₖ₋₁)]) / (1 + d)^(tₖ·days/365) over the periods k = 1 … ⌈horizon⌉ (tₖ = min(k,
    /// horizon)); without a discount rate, E[M] × E[Y(horizon)].
    public var value: Double

    public init(expectedPurchases: Double, expectedOrderValue: Double, value: Double) {
        self.expectedPurchases = expectedPurchases
        self.expectedOrderValue = expectedOrderValue
        self.value = value
    }

    /// The value of every customer of `summary` over `horizon` time units of `daysPerUnit` days each, at
    /// `annualDiscount` (nil: undiscounted). Customers with the same (x, tₓ, T) share one prediction.
    /// - Complexity: O(customers) + O(distinct histories × ₂F₁ terms), times ⌈horizon⌉ with a discount rate.
    public static func of(_ summary: PurchaseSummary, purchases: BetaGeometricNBD, spend: GammaGammaSpend, horizon: Double,
                          daysPerUnit: Double, annualDiscount: Double?) -> [LifetimeValue] {
        let histories = DistinctHistories(summary, keepIndex: true)
        let predicted = (0..<histories.count).map { h in
            discountedPurchases(purchases, frequency: histories.frequency[h], recency: histories.recency[h], age: histories.age[h],
                                horizon: horizon, daysPerUnit: daysPerUnit, annualDiscount: annualDiscount)
        }
        return (0..<summary.count).map { i in
            let (expected, discounted) = predicted[Int(histories.index[i])]
            let orderValue = spend.expectedOrderValue(frequency: summary.frequency[i], monetary: summary.monetary[i])
            return LifetimeValue(expectedPurchases: expected, expectedOrderValue: orderValue, value: discounted * orderValue)
        }
    }

    /// E[Y(horizon)] and the same purchases discounted period by period (equal without a rate).
    public static func discountedPurchases(_ model: BetaGeometricNBD, frequency x: Double, recency tx: Double, age T: Double, horizon: Double,
                                           daysPerUnit: Double, annualDiscount: Double?) -> (expected: Double, discounted: Double) {
        let expected = model.expectedPurchases(within: horizon, frequency: x, recency: tx, age: T)
        guard let rate = annualDiscount, rate != 0, horizon > 0 else { return (expected, expected) }
        var total = 0.0, previous = 0.0, previousTime = 0.0
        for k in 1...Int(horizon.rounded(.up)) {
            let time = min(Double(k), horizon)
            guard time > previousTime else { break }
            let cumulative = time == horizon ? expected : model.expectedPurchases(within: time, frequency: x, recency: tx, age: T)
            total += (cumulative - previous) / pow(1 + rate, time * daysPerUnit / 365)
            previous = cumulative
            previousTime = time
        }
        return (expected, total)
    }

    /// Σ over customers of E[Y(t)] for each t in `times`: the predicted cumulative repeat purchases of the
    /// tracking chart (`clv check`).
    /// - Complexity: O(customers + distinct histories × times × ₂F₁ terms).
    public static func cumulativePurchases(_ summary: PurchaseSummary, model: BetaGeometricNBD, at times: [Double]) -> [Double] {
        let histories = DistinctHistories(summary)
        return times.map { t in
            (0..<histories.count).reduce(0.0) { sum, h in
                sum + histories.weight[h] * model.expectedPurchases(within: t, frequency: histories.frequency[h],
                                                                     recency: histories.recency[h], age: histories.age[h])
            }
        }
    }
}
