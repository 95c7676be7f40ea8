#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Gaussian hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1, as a sign and the logarithm of its
/// magnitude, so the BG/NBD conditional expectation can combine it with other large factors in log space.
///
/// Summed as the power series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ with a running scale: the terms of customers with
/// many purchases (a and b large) grow far past `Double`'s range before zⁿ brings them down, so the sum and
/// the term are divided by a power of two whenever they pass 2⁵⁰⁰ and the exponent is kept apart.
enum Hypergeometric {
    /// Terms summed at most; past it the series is reported as not converged (nil).
    static let maximumTerms = 1_000_000

    /// (sign, ln|₂F₁(a, b; c; z)|), or nil when the series does not converge (z ≥ 1, c a non-positive integer,
    /// or more than `maximumTerms` terms).
    /// - Complexity: O(terms): about (a + b − c + ln(1/ε)) / (1 − z) when the terms grow first.
    static func log2F1(a: Double, b: Double, c: Double, z: Double) -> (sign: Double, log: Double)? {
        guard z >= 0, z < 1, a.isFinite, b.isFinite, c.isFinite else { return nil }
        if z == 0 { return (1, 0) }
        let rescale = 0x1p500, rescaleLog = 500 * M_LN2
        var term = 1.0, sum = 1.0, logScale = 0.0
        var n = 0.0
        for _ in 0..<maximumTerms {
            let denominator = (c + n) * (n + 1)
            if denominator == 0 { return nil }
            term *= (a + n) * (b + n) / denominator * z
            sum += term
            n += 1
            if abs(sum) > rescale || abs(term) > rescale {
                sum /= rescale; term /= rescale; logScale += rescaleLog
            }
            // Converged when the term no longer changes the sum and the terms are shrinking (past their peak).
            if abs(term) <= 1e-17 * abs(sum), abs((a + n) * (b + n) / ((c + n) * (n + 1)) * z) < 1 {
                guard sum != 0, sum.isFinite else { return nil }
                return (sum < 0 ? -1 : 1, log(abs(sum)) + logScale)
            }
            if term == 0 { return sum > 0 ? (1, log(sum) + logScale) : nil }
        }
        return nil
    }
}
