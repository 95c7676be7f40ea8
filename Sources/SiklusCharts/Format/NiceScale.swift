import Foundation
import SiklusEngine

/// An axis range with round tick values (steps of 1, 2, 2.5 or 5 × 10ⁿ) covering the data.
struct NiceScale: Equatable {
    /// Lowest tick.
    var lower: Double
    /// Highest tick.
    var upper: Double
    /// Distance between ticks.
    var step: Double

    /// The ticks from `lower` to `upper`.
    var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        // Multiply instead of accumulating so 0.1-steps don't drift to 0.30000000000000004.
        return (0...max(0, count)).map { lower + Double($0) * step }
    }

    /// A scale over `dataMin...dataMax` with at most `maxTicks` ticks.
    ///
    /// Non-negative data starts at zero unless its values sit within the top sixth of their
    /// maximum (the rule spreadsheet charts use), so bars of revenue are not exaggerated but a
    /// rate hovering between 41 % and 44 % still shows its movement.
    init(dataMin: Double, dataMax: Double, maxTicks: Int) {
        var low = dataMin, high = dataMax
        if low >= 0, low < high * 5 / 6 { low = 0 }
        if low == high {
            // A flat line still needs a range: from zero to twice the value puts it mid-axis.
            if low > 0 { (low, high) = (0, 2 * low) } else if low < 0 { (low, high) = (2 * low, 0) } else { high = 1 }
        }
        let tickLimit = max(2, maxTicks)
        var step = NiceScale.niceStep((high - low) / Double(tickLimit - 1))
        while true {
            let lower = (low / step).rounded(.down) * step
            let upper = (high / step).rounded(.up) * step
            if Int(((upper - lower) / step).rounded()) + 1 <= tickLimit {
                self.lower = lower
                self.upper = upper
                self.step = step
                return
            }
            step = NiceScale.niceStep(step * 1.01)
        }
    }

    /// The smallest 1, 2, 2.5 or 5 × 10ⁿ at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let exponent = (log10(raw)).rounded(.down)
        let power = pow(10, exponent)
        let fraction = raw / power
        for nice in [1.0, 2, 2.5, 5] where fraction <= nice * (1 + 1e-9) {
            return nice * power
        }
        return 10 * power
    }
}

/// Formats the tick labels of one axis consistently: one suffix (k, M) and one number of
/// decimals for all ticks, with the unit in each label (`40%`, `10d`, `2.5k`).
struct AxisFormatter {
    private let divisor: Double
    private let suffix: String
    private let decimals: Int
    private let unitSuffix: String

    init(scale: NiceScale, unit: ValueUnit) {
        let largest = max(abs(scale.lower), abs(scale.upper))
        if unit == .percent || largest < 1_000 {
            (divisor, suffix) = (1, "")
        } else if largest < 1_000_000 {
            (divisor, suffix) = (1_000, "k")
        } else if largest < 1_000_000_000 {
            (divisor, suffix) = (1_000_000, "M")
        } else {
            (divisor, suffix) = (1_000_000_000, "B")
        }
        let scaledStep = scale.step / divisor
        // Enough decimals to tell neighbouring ticks apart, and no more.
        var places = 0
        while places < 6, abs((scaledStep * pow(10, Double(places))).rounded() - scaledStep * pow(10, Double(places))) > 1e-6 {
            places += 1
        }
        decimals = places
        switch unit {
        case .percent: unitSuffix = "%"
        case .days: unitSuffix = "d"
        default: unitSuffix = ""
        }
    }

    /// The label for tick `value`.
    func label(_ value: Double) -> String {
        if value == 0 { return "0" + unitSuffix }
        return ValueFormatter.fixed(value / divisor, decimals: decimals, grouping: false) + suffix + unitSuffix
    }
}
