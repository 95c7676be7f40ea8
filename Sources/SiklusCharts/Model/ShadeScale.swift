import Foundation

/// Buckets percentages into shading levels for a heatmap: level 0 for exactly zero, then
/// `levels` equal steps up to a round maximum taken from the data.
///
/// The maximum comes from the data rather than fixed at 100 % because retention after the first
/// period usually sits between 5 % and 45 %: a 0–100 scale would paint nearly every cell the
/// same. Values above the maximum (period 0 at 100 %) take the top level.
struct ShadeScale: Equatable {
    /// Number of non-zero levels.
    let levels: Int
    /// Width of one level, in percent.
    let step: Double

    /// A scale whose `levels` steps together cover at least `reference` percent.
    init(reference: Double, levels: Int) {
        precondition(levels > 0, "a shade scale needs at least one level")
        self.levels = levels
        let raw = max(reference, 1) / Double(levels)
        // Rounding the step up to 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10ⁿ keeps legend thresholds
        // readable, and leaves the top shade mostly to period 0 so later periods spread below it.
        let power = pow(10, log10(raw).rounded(.down))
        let nice = [1.0, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].first { raw <= $0 * power * (1 + 1e-9) } ?? 10
        step = min(nice * power, 100 / Double(levels))
    }

    /// The level of `percent`: 0 for zero or below, else 1...levels.
    func level(_ percent: Double) -> Int {
        guard percent > 0 else { return 0 }
        return min(levels, Int((percent / step).rounded(.down)) + 1)
    }

    /// Where `percent` falls between no shade and full shade, for continuous colour (SVG).
    func fraction(_ percent: Double) -> Double {
        max(0, min(1, percent / (step * Double(levels))))
    }

    /// Legend text for `level` (1...levels): `<10%`, `10–20%`, `≥40%`.
    func legendLabel(_ level: Int) -> String {
        let low = ValueFormatter.trimmed(ValueFormatter.fixed(step * Double(level - 1), decimals: 1, grouping: false))
        let high = ValueFormatter.trimmed(ValueFormatter.fixed(step * Double(level), decimals: 1, grouping: false))
        if level <= 1 { return "<\(high)%" }
        if level >= levels { return "≥\(low)%" }
        return "\(low)–\(high)%"
    }
}
