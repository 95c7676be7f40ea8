#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive, a
/// customer buys as a Poisson process with rate λ ~ Gamma(r, α) (shape r, rate α: the purchase-rate
/// heterogeneity); after each purchase they drop out with probability p ~ Beta(a, b).
public struct BetaGeometricNBD: Sendable, Equatable {
    /// Shape of the purchase-rate distribution.
    public var r: Double
    /// Rate (scale in time units) of the purchase-rate distribution: the mean rate is r / α.
    public var alpha: Double
    /// Beta parameters of the dropout probability: its mean is a / (a + b).
    public var a: Double
    public var b: Double

    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
    }

    /// The parameters in the order `r, alpha, a, b`, with their names.
    public var named: [(name: String, value: Double)] { [("r", r), ("alpha", alpha), ("a", a), ("b", b)] }

    /// ln L(r, α, a, b | x, tₓ, T) of one customer (the paper's equation 6, in log space):
    /// ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b) + ln[(α+T)^−(r+x) + 1{x>0} a/(b+x−1) (α+tₓ)^−(r+x)].
    public func logLikelihood(frequency x: Double, recency tx: Double, age T: Double) -> Double {
        let a1 = logGamma(r + x) - logGamma(r) + r * log(alpha)
        let a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x)
        let a3 = -(r + x) * log(alpha + T)
        guard x > 0 else { return a1 + a2 + a3 }
        let a4 = log(a) - log(b + x - 1) - (r + x) * log(alpha + tx)
        return a1 + a2 + logAddExp(a3, a4)
    }

    /// P(alive at T | x, tₓ, T) = 1 / (1 + 1{x>0} a/(b+x−1) ((α+T)/(α+tₓ))^(r+x)); 1 for a customer
    /// with no repeat purchase (the model lets customers drop out only right after a purchase).
    public func probabilityAlive(frequency x: Double, recency tx: Double, age T: Double) -> Double {
        guard x > 0 else { return 1 }
        let logOdds = (r + x) * log((alpha + T) / (alpha + tx)) + log(a / (b + x - 1))
        return 1 / (1 + exp(logOdds))
    }

    /// E[Y(t) | x, tₓ, T]: the expected purchases in the next t time units of a customer with this history
    /// (the paper's equation 10):
    /// (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
    ///   / (1 + 1{x>0} a/(b+x−1) ((α+T)/(α+tₓ))^(r+x)).
    /// NaN when ₂F₁'s series does not converge.
    public func expectedPurchases(within t: Double, frequency x: Double, recency tx: Double, age T: Double) -> Double {
        guard t > 0 else { return 0 }
        let z = t / (alpha + T + t)
        guard let hyper = Hypergeometric.log2F1(a: r + x, b: b + x, c: a + b + x - 1, z: z) else { return .nan }
        let power = hyper.log + (r + x) * log((alpha + T) / (alpha + T + t))
        let bracket = 1 - hyper.sign * exp(power)
        let numerator = (a + b + x - 1) / (a - 1) * bracket
        let denominator = x > 0 ? 1 + a / (b + x - 1) * exp((r + x) * log((alpha + T) / (alpha + tx))) : 1
        return numerator / denominator
    }

    /// E[X(t)] for a new customer: the expected purchases in their first t time units,
    /// (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))].
    public func expectedPurchasesOfNewCustomer(within t: Double) -> Double {
        guard t > 0, let hyper = Hypergeometric.log2F1(a: r, b: b, c: a + b - 1, z: t / (alpha + t)) else { return t > 0 ? .nan : 0 }
        return (a + b - 1) / (a - 1) * (1 - hyper.sign * exp(hyper.log + r * log(alpha / (alpha + t))))
    }
}
