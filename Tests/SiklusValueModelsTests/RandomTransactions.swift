import Foundation
import SiklusTestSupport

/// A seeded transaction log for the differential tests: customers start in the first quarter of 2023 and
/// buy at their own rate until they drop out after some purchase (a BG/NBD-like process with rates and
/// dropout probabilities spread uniformly in log and linear space), some of them twice on a day (the
/// summary collapses those), at times of day, with amounts around their own mean.
enum RandomTransactions {
    /// `customer,date,amount` CSV text (dates with a time of day) and the as_of day it is meant for.
    static func csv(seed: UInt64, customers: Int) -> String {
        var random = SplitMix64(seed: seed)
        func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * Double(random.next() >> 11) / Double(1 << 53) }
        let start = 19_358   // 2023-01-01 as days since 1970
        var lines = ["customer,date,amount"]
        for c in 0..<customers {
            let rate = exp(uniform(-4.5, -1.5)), dropout = uniform(0.05, 0.6), mean = exp(uniform(2, 4.5))
            var day = Double(start + random.int(0..<90))
            while day < Double(start + 540) {
                let seconds = Int(day * 86_400) + random.int(0..<86_400)
                lines.append("c\(c),\(timestamp(seconds)),\(amount(mean, uniform(0.5, 1.5)))")
                if random.chance(0.1) { lines.append("c\(c),\(timestamp(seconds - seconds % 86_400 + random.int(0..<86_400))),\(amount(mean, uniform(0.2, 0.8)))") }
                if random.chance(dropout) { break }
                day += -log(max(uniform(0, 1), 1e-12)) / rate
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func amount(_ mean: Double, _ factor: Double) -> String {
        String(format: "%.2f", mean * factor)
    }

    private static func timestamp(_ seconds: Int) -> String {
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
