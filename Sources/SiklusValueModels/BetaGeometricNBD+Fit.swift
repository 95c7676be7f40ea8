#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension BetaGeometricNBD {
    /// Fits r, α, a, b by maximum likelihood on every customer of `summary` (Nelder–Mead on the log-parameters
    /// from the deterministic start r = 1, α = the mean T, a = b = 1).
    /// - Complexity: O(customers) to find the distinct histories, then O(histories + distinct values) per
    ///   likelihood evaluation, a few hundred evaluations. `isCancelled` is polled once per optimiser
    ///   iteration; when it returns true the fit throws `ModelFitError.cancelled`.
    public static func fit(_ summary: PurchaseSummary, isCancelled: @escaping () -> Bool = { false }) throws(ModelFitError) -> ModelFit<BetaGeometricNBD> {
        guard summary.count > 0 else { throw ModelFitError(model: "bgnbd", reason: .noPurchase) }
        guard summary.frequency.contains(where: { $0 > 0 }) else { throw ModelFitError(model: "bgnbd", reason: .noRepeat) }
        let likelihood = BetaGeometricNBDLikelihood(DistinctHistories(summary))
        let meanAge = summary.age.reduce(0, +) / Double(summary.count)
        let start = [0, log(max(meanAge, 1)), 0, 0]
        let outcome = NelderMead(isCancelled: isCancelled).minimize({ -likelihood.total(at: $0) / Double(summary.count) }, from: start)
        try FitChecks.check(outcome, names: ["r", "alpha", "a", "b"], model: "bgnbd")
        let p = outcome.point.map(exp)
        let model = BetaGeometricNBD(r: p[0], alpha: p[1], a: p[2], b: p[3])
        return ModelFit(model: model, logLikelihood: likelihood.total(at: outcome.point), iterations: outcome.iterations,
                        customers: summary.count)
    }

    /// Σ ln Lᵢ over `summary` at these parameters.
    public func logLikelihood(_ summary: PurchaseSummary) -> Double {
        BetaGeometricNBDLikelihood(DistinctHistories(summary)).total(at: [log(r), log(alpha), log(a), log(b)])
    }
}

/// The BG/NBD log-likelihood over distinct histories, with the terms that depend on one column (ln Γ(r+x),
/// ln(α+T), ln(α+tₓ)) computed once per distinct value of that column.
struct BetaGeometricNBDLikelihood {
    let histories: DistinctHistories
    let xs: DistinctValues, recencies: DistinctValues, ages: DistinctValues

    init(_ histories: DistinctHistories) {
        self.histories = histories
        xs = DistinctValues(histories.frequency)
        recencies = DistinctValues(histories.recency)
        ages = DistinctValues(histories.age)
    }

    /// Σ weight × ln L at log-parameters (ln r, ln α, ln a, ln b).
    func total(at logParameters: [Double]) -> Double {
        let r = exp(logParameters[0]), alpha = exp(logParameters[1]), a = exp(logParameters[2]), b = exp(logParameters[3])
        let constant = -logGamma(r) + r * logParameters[1] + logGamma(a + b) - logGamma(b)
        let logA = logParameters[2]
        let gammaTerms = xs.values.map { x in logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x) }
        let dropTerms = xs.values.map { x in x > 0 ? logA - log(b + x - 1) : 0 }
        let logAges = ages.values.map { log(alpha + $0) }
        let logRecencies = recencies.values.map { log(alpha + $0) }
        return ChunkedSum.sum(histories.count) { range in
            var sum = 0.0
            for h in range {
                let ix = Int(xs.position[h]), x = histories.frequency[h]
                var ll = constant + gammaTerms[ix]
                let a3 = -(r + x) * logAges[Int(ages.position[h])]
                if x > 0 {
                    let a4 = dropTerms[ix] - (r + x) * logRecencies[Int(recencies.position[h])]
                    ll += logAddExp(a3, a4)
                } else {
                    ll += a3
                }
                sum += histories.weight[h] * ll
            }
            return sum
        }
    }
}
