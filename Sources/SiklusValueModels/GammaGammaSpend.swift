#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV"): a customer's
/// transaction values are Gamma(p, ν) with ν ~ Gamma(q, v) across customers (v is the paper's γ), so the
/// mean spend of a customer with x repeat transactions of mean m̄ is a weighted mean of m̄ and the population's.
/// Independent of the purchase process, so it is fitted apart from BG/NBD on the customers with x > 0.
public struct GammaGammaSpend: Sendable, Equatable {
    public var p: Double
    public var q: Double
    public var v: Double

    public init(p: Double, q: Double, v: Double) {
        self.p = p
        self.q = q
        self.v = v
    }

    /// The parameters in the order `p, q, v`, with their names.
    public var named: [(name: String, value: Double)] { [("p", p), ("q", q), ("v", v)] }

    /// ln L(p, q, v | x, m̄) of one customer with x > 0 repeat transactions of mean value m̄ > 0:
    /// ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln m̄ + px ln x − (px+q) ln(x m̄ + v).
    public func logLikelihood(frequency x: Double, monetary m: Double) -> Double {
        let px = p * x
        return logGamma(px + q) - logGamma(px) - logGamma(q) + q * log(v) + (px - 1) * log(m) + px * log(x) - (px + q) * log(x * m + v)
    }

    /// The population's mean spend per transaction, p v / (q − 1) (infinite for q ≤ 1).
    public var populationMean: Double { q > 1 ? p * v / (q - 1) : .infinity }

    /// E[M | x, m̄] = (q−1)/(px+q−1) · pv/(q−1) + px/(px+q−1) · m̄; the population mean for x = 0.
    public func expectedOrderValue(frequency x: Double, monetary m: Double) -> Double {
        let weight = p * x / (p * x + q - 1)
        return (1 - weight) * populationMean + (x > 0 ? weight * m : 0)
    }

    /// Which customers the model is fitted on: x > 0 and a positive mean value (ln m̄ is in the likelihood).
    public static func isFitted(frequency x: Double, monetary m: Double) -> Bool { x > 0 && m > 0 && m.isFinite }

    /// Fits p, q, v by maximum likelihood on the customers of `summary` with x > 0 and m̄ > 0 (Nelder–Mead on
    /// the log-parameters from p = q = 1, v = the mean m̄). Fails when q ≤ 1, where the mean spend is infinite.
    /// - Complexity: O(customers) per likelihood evaluation, a few hundred evaluations. `isCancelled` is polled
    ///   once per optimiser iteration; when it returns true the fit throws `ModelFitError.cancelled`.
    public static func fit(_ summary: PurchaseSummary, isCancelled: @escaping () -> Bool = { false }) throws(ModelFitError) -> ModelFit<GammaGammaSpend> {
        var xs: [Double] = [], ms: [Double] = []
        for i in 0..<summary.count where isFitted(frequency: summary.frequency[i], monetary: summary.monetary[i]) {
            xs.append(summary.frequency[i]); ms.append(summary.monetary[i])
        }
        guard xs.count >= 2 else {
            throw ModelFitError(model: "gamma_gamma", reason: .tooFewRepeaters(xs.count))
        }
        let likelihood = GammaGammaLikelihood(xs: xs, ms: ms)
        let start = [0, 0, log(ms.reduce(0, +) / Double(ms.count))]
        let outcome = NelderMead(isCancelled: isCancelled).minimize({ -likelihood.total(at: $0) / Double(xs.count) }, from: start)
        try FitChecks.check(outcome, names: ["p", "q", "v"], model: "gamma_gamma")
        let p = outcome.point.map(exp)
        let model = GammaGammaSpend(p: p[0], q: p[1], v: p[2])
        guard model.q > 1 else {
            throw ModelFitError(model: "gamma_gamma", reason: .infiniteMean(q: model.q))
        }
        return ModelFit(model: model, logLikelihood: likelihood.total(at: outcome.point), iterations: outcome.iterations, customers: xs.count)
    }

    /// Σ ln Lᵢ over the customers of `summary` the model is fitted on.
    public func logLikelihood(_ summary: PurchaseSummary) -> Double {
        var sum = 0.0
        for i in 0..<summary.count where Self.isFitted(frequency: summary.frequency[i], monetary: summary.monetary[i]) {
            sum += logLikelihood(frequency: summary.frequency[i], monetary: summary.monetary[i])
        }
        return sum
    }
}

/// The Gamma-Gamma log-likelihood with the parameter-free parts (ln m̄, ln x) computed once and the
/// ln Γ terms once per distinct x, so an evaluation costs one logarithm per customer.
struct GammaGammaLikelihood {
    let xs: [Double], ms: [Double]
    let logMs: [Double]
    let distinctXs: DistinctValues

    init(xs: [Double], ms: [Double]) {
        self.xs = xs
        self.ms = ms
        logMs = ms.map { log($0) }
        distinctXs = DistinctValues(xs)
    }

    func total(at logParameters: [Double]) -> Double {
        let p = exp(logParameters[0]), q = exp(logParameters[1]), v = exp(logParameters[2])
        let constant = -logGamma(q) + q * logParameters[2]
        let gammaTerms = distinctXs.values.map { x in logGamma(p * x + q) - logGamma(p * x) + p * x * log(x) }
        let sum = ChunkedSum.sum(xs.count) { range in
            var sum = 0.0
            for i in range {
                let px = p * xs[i]
                sum += gammaTerms[Int(distinctXs.position[i])] + (px - 1) * logMs[i] - (px + q) * log(xs[i] * ms[i] + v)
            }
            return sum
        }
        return sum + Double(xs.count) * constant
    }
}
