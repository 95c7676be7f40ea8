#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ln Γ(x) for x > 0, through the C library's reentrant `lgamma_r` (plain `lgamma` writes the global
/// `signgam`, a data race when fits run on several threads).
@inline(__always)
func logGamma(_ x: Double) -> Double {
    var sign: Int32 = 0
    return lgamma_r(x, &sign)
}

/// ln(e^u + e^v) without overflow.
@inline(__always)
func logAddExp(_ u: Double, _ v: Double) -> Double {
    let high = max(u, v)
    if high == -.infinity { return -.infinity }
    return high + log1p(exp(min(u, v) - high))
}
