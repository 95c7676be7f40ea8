#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One customer's value over a horizon from the two fitted models: expected purchases (BG/NBD) times the
/// expected value of each (Gamma-Gamma), optionally discounted period by period.
public struct LifetimeValue: Sendable, Equatable {
    /// E[Y(horizon) | x, tₓ, T].
    public var expectedPurchases: Double
    /// E[M | x, m̄].
    public var expectedOrderValue: Double
    /// Σₖ E[M] (E[Y(tₖ)] − E[Y(tₖ₋₁)]) / (1 + d)^(tₖ·days/365) over the periods k = 1 … ⌈horizon⌉ (tₖ = min(k,
    /// horizon)); without a discount rate, E[M] × E[Y(horizon)].
    public var value: Double

    /// The value of a customer with history (x, tₓ, T, m̄) over `horizon` time units of `daysPerUnit` days each,
    /// at `annualDiscount` (nil: undiscounted).
    /// - Complexity: O(⌈horizon⌉ × ₂F₁ terms) with a discount rate, O(₂F₁ terms) without.
    public init(purchases: BetaGeometricNBD, spend: GammaGammaSpend, frequency x: Double, recency tx: Double, age T: Double,
                monetary m: Double, horizon: Double, daysPerUnit: Double, annualDiscount: Double?) {
        expectedPurchases = purchases.expectedPurchases(within: horizon, frequency: x, recency: tx, age: T)
        expectedOrderValue = spend.expectedOrderValue(frequency: x, monetary: m)
        guard let rate = annualDiscount, rate != 0 else {
            value = expectedPurchases * expectedOrderValue
            return
        }
        var total = 0.0, previous = 0.0, previousTime = 0.0
        let periods = Int(horizon.rounded(.up))
        for k in 1...max(periods, 1) {
            let time = min(Double(k), horizon)
            guard time > previousTime else { break }
            let cumulative = time == horizon ? expectedPurchases : purchases.expectedPurchases(within: time, frequency: x, recency: tx, age: T)
            total += (cumulative - previous) / pow(1 + rate, time * daysPerUnit / 365)
            previous = cumulative
            previousTime = time
        }
        value = total * expectedOrderValue
    }
}
