import SiklusTestSupport
import Foundation

/// A calendar day in UTC, with its Unix seconds at midnight (from Foundation's calendar, not the engine's).
struct RefDay: Hashable, Comparable {
    let year: Int, month: Int, day: Int
    let seconds: Int64

    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()
    private static let base = calendar.date(from: DateComponents(year: 2023, month: 1, day: 1))!

    nonisolated(unsafe) private static var cache: [Int: RefDay] = [:]

    /// The day `offset` days after 2023-01-01 (negative: before).
    init(offset: Int) {
        if let known = RefDay.cache[offset] { self = known; return }
        let date = RefDay.calendar.date(byAdding: .day, value: offset, to: RefDay.base)!
        let parts = RefDay.calendar.dateComponents([.year, .month, .day], from: date)
        year = parts.year!; month = parts.month!; day = parts.day!
        seconds = Int64(date.timeIntervalSince1970)
        RefDay.cache[offset] = self
    }

    /// Months since year 0, so consecutive months differ by one.
    var monthIndex: Int { year * 12 + month - 1 }
    var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    var monthLabel: String { String(format: "%04d-%02d", year, month) }
    /// The last second of the day.
    var endSecond: Int64 { seconds + 86_400 - 1 }

    static func < (a: RefDay, b: RefDay) -> Bool { a.seconds < b.seconds }

    /// The first second of month `index` (see `monthIndex`).
    static func monthStartSecond(_ index: Int) -> Int64 {
        Int64(calendar.date(from: DateComponents(year: index / 12, month: index % 12 + 1, day: 1))!.timeIntervalSince1970)
    }

    static func monthLabel(_ index: Int) -> String { String(format: "%04d-%02d", index / 12, index % 12 + 1) }
}

/// One row of a generated events file.
struct RefEvent {
    let customer: String
    let day: RefDay
    /// Seconds since midnight.
    let time: Int
    let name: String?
    let amount: Double?
    /// Written as "NA" instead of empty when the amount is missing.
    let amountNA: Bool
    let channel: String?
    /// Position in the written file (after shuffling): the tie-breaker for equal timestamps.
    var fileRow = 0

    var ts: Int64 { day.seconds + Int64(time) }
}

struct RefCustomer {
    let id: String
    let signup: RefDay?
    let channel: String?
    let country: String?
}

struct RefSpend {
    let day: RefDay
    let channel: String
    let spend: Double
    let impressions: Int
    let clicks: Int
}

/// A small random data set: customers (some without events), events (some of customers without a row,
/// shuffled, with duplicate timestamps, missing amounts and channels, unknown event names) and spend.
struct RandomDataset {
    var customers: [RefCustomer] = []
    var events: [RefEvent] = []
    var spend: [RefSpend] = []

    static let channels = ["search", "social", "email", "referral", "display"]
    static let countries = ["ID", "US", "SG"]
    /// Event names with rough weights: the default stage map's names, plus names in no stage.
    static let eventNames: [(String, Int)] = [
        ("ad_impression", 4), ("visit", 6), ("page_view", 3), ("article_view", 3), ("webinar", 2), ("newsletter_signup", 2),
        ("product_view", 5), ("add_to_cart", 4), ("trial_start", 2), ("purchase", 9), ("email_open", 3), ("login", 3),
        ("app_open", 2), ("review", 2), ("referral", 1), ("share", 1), ("cancel", 2), ("unsubscribe", 1),
        ("renewal", 1), ("Purchase", 1), ("mystery_event", 1),
    ]

    static func generate(_ rng: inout SplitMix64) -> RandomDataset {
        var data = RandomDataset()
        let idStyle = rng.int(0...2)
        func id(_ i: Int) -> String {
            switch idStyle {
            case 0: return "c\(i)"
            case 1: return String(format: "%04d", i)
            default: return "user-\(i * 7)"
            }
        }
        let customerCount = rng.int(5...60)
        let orphanCount = rng.chance(0.5) ? rng.int(1...4) : 0
        var everyone: [(id: String, signup: RefDay?)] = []
        for i in 0..<customerCount {
            // Signups over five months; the first customer always has one, so the column reads as dates.
            let signup: RefDay? = i > 0 && rng.chance(0.1) ? nil : RefDay(offset: rng.int(0...150))
            let channel: String? = rng.chance(0.15) ? nil : rng.pick(channels)
            let country: String? = rng.chance(0.1) ? nil : rng.pick(countries)
            data.customers.append(RefCustomer(id: id(i), signup: signup, channel: channel, country: country))
            everyone.append((id(i), signup))
        }
        for j in 0..<orphanCount { everyone.append((id(customerCount + j), nil)) }

        let totalWeight = eventNames.reduce(0) { $0 + $1.1 }
        func eventName() -> String? {
            if rng.chance(0.01) { return nil }
            var k = rng.int(0..<totalWeight)
            for (name, weight) in eventNames { if k < weight { return name }; k -= weight }
            return "visit"
        }
        let spikyChannel = rng.chance(0.3)
        // Times on a coarse grid make window and churn boundaries (differences of exactly 12h, 1d, …) common.
        let coarse = rng.chance(0.4)
        for (index, person) in everyone.enumerated() {
            if index < customerCount && rng.chance(0.15) { continue }  // customers without events
            let count = rng.int(0...30)
            // Events start up to two weeks before signup and spread over a few months.
            let start = (person.signup.map { Int(($0.seconds - RefDay(offset: 0).seconds) / 86_400) } ?? rng.int(0...150)) - rng.int(0...14)
            let spread = rng.pick([3, 20, 60, 120])
            var previous: (RefDay, Int)?
            for _ in 0..<count {
                let day: RefDay, time: Int
                if let previous, rng.chance(0.12) {
                    (day, time) = previous  // a duplicate timestamp
                } else {
                    day = RefDay(offset: start + rng.int(0...spread))
                    time = coarse ? rng.pick([0, 43_200, 86_399]) : rng.int(0..<86_400)
                }
                previous = (day, time)
                let name = eventName()
                var amount: Double?
                if name == "purchase" {
                    amount = rng.chance(0.85) ? Double(rng.int(100...20_000)) / 100 : nil
                } else if rng.chance(0.05) {
                    amount = Double(rng.int(1...5_000)) / 100
                }
                let channel: String? = rng.chance(0.25) ? nil : (spikyChannel && rng.chance(0.3) ? "tiktok" : rng.pick(channels))
                data.events.append(RefEvent(customer: person.id, day: day, time: time, name: name, amount: amount,
                                            amountNA: amount == nil && rng.chance(0.3), channel: channel))
            }
        }
        if data.events.isEmpty {
            data.events.append(RefEvent(customer: everyone[0].id, day: RefDay(offset: 10), time: 3600, name: "purchase",
                                        amount: 12.5, amountNA: false, channel: "email"))
        }
        // "NA" reads as missing only in a column that also holds numbers.
        if !data.events.contains(where: { $0.amount != nil }) {
            let e = data.events[0]
            data.events[0] = RefEvent(customer: e.customer, day: e.day, time: e.time, name: e.name, amount: 1, amountNA: false, channel: e.channel)
        }
        // Shuffle the file (Fisher–Yates with our generator), then number the rows.
        for i in stride(from: data.events.count - 1, to: 0, by: -1) { data.events.swapAt(i, rng.int(0...i)) }
        for i in data.events.indices { data.events[i].fileRow = i }

        // Spend on channels some customer was acquired through, so every spend row has a channel group.
        let acquired = Set(ReferenceFacts(data).acquisition.values.compactMap { $0 })
        let spendChannels = acquired.sorted()
        if !spendChannels.isEmpty {
            for offset in stride(from: -5, through: 160, by: rng.int(1...9)) {
                for channel in spendChannels where rng.chance(0.5) {
                    data.spend.append(RefSpend(day: RefDay(offset: offset), channel: channel, spend: Double(rng.int(0...5_000)) / 100,
                                               impressions: rng.int(0...1_000), clicks: rng.int(0...40)))
                }
            }
        }
        return data
    }

    func customersCSV() -> String {
        var lines = ["customer_id,signup_date,channel,country"]
        for c in customers { lines.append("\(c.id),\(c.signup?.iso ?? ""),\(c.channel ?? ""),\(c.country ?? "")") }
        return lines.joined(separator: "\n") + "\n"
    }

    func eventsCSV() -> String {
        var lines = ["customer_id,ts,event,amount,channel"]
        for e in events {
            let time = String(format: "%02d:%02d:%02d", e.time / 3600, e.time / 60 % 60, e.time % 60)
            let amount = e.amount.map { String(format: "%.2f", $0) } ?? (e.amountNA ? "NA" : "")
            lines.append("\(e.customer),\(e.day.iso) \(time),\(e.name ?? ""),\(amount),\(e.channel ?? "")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func spendCSV() -> String {
        var lines = ["date,channel,spend,impressions,clicks"]
        for s in spend { lines.append("\(s.day.iso),\(s.channel),\(String(format: "%.2f", s.spend)),\(s.impressions),\(s.clicks)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
