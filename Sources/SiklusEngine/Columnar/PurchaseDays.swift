import SiklusStore
import SiklusValueModels

/// The per-customer summary of the customer-value steps, from the purchases in scope collapsed per calendar
/// day (as `lifetimes.utils.summary_data_from_transaction_data` with daily grouping): frequency = purchase
/// days up to as_of − 1; recency = last − first purchase day; T = as_of's day − first purchase day (as_of's
/// day belongs to the calibration); monetary = the mean value of the repeat days (the sum of a day's
/// amounts; 0 without a repeat day). Customers with no purchase by as_of are left out. Purchases are the
/// purchase events of the stage map; with an order column, rows of returns are left out.
struct PurchaseDays {
    /// Customer codes with a purchase by as_of, in scope order.
    var customers: [Int32]
    /// Repeat purchase days.
    var frequency: [Int]
    /// Whole days from the first to the last purchase day, and from the first to as_of's day.
    var recencyDays: [Int64]
    var ageDays: [Int64]
    var monetary: [Double]
    /// as_of's calendar day.
    var asOfDay: Int64

    /// - Complexity: O(customers in scope + their event rows), split across cores.
    static func summarize(_ scope: Scope, _ context: EvalContext) -> PurchaseDays {
        let events = context.store.events
        let asOfDay = CivilTime.day(of: context.asOf)
        let parts = Parallel.ranges(scope.customers.count, minimumPerPart: 2048)
        let list = scope.customers
        let chunks = Parallel.map(parts.count) { k -> PurchaseDays in
            var out = PurchaseDays(customers: [], frequency: [], recencyDays: [], ageDays: [], monetary: [], asOfDay: asOfDay)
            for i in parts[k] {
                let c = list[i]
                var first = Int64.min, last = Int64.min, days = 0
                var dayValue = 0.0, repeatValue = 0.0
                for r in events.rows(of: c) where scope.includes(r) && isPurchase(r, context) {
                    let day = CivilTime.day(of: events.ts[r])
                    if day > asOfDay { break }
                    let amount = events.hasAmount(r) ? events.amount[r] : 0
                    if day != last {
                        if days > 1 { repeatValue += dayValue }
                        if days == 0 { first = day }
                        days += 1
                        last = day
                        dayValue = 0
                    }
                    dayValue += amount
                }
                guard days > 0 else { continue }
                if days > 1 { repeatValue += dayValue }
                out.customers.append(c)
                out.frequency.append(days - 1)
                out.recencyDays.append(last - first)
                out.ageDays.append(asOfDay - first)
                out.monetary.append(days > 1 ? repeatValue / Double(days - 1) : 0)
            }
            return out
        }
        var all = PurchaseDays(customers: [], frequency: [], recencyDays: [], ageDays: [], monetary: [], asOfDay: asOfDay)
        for chunk in chunks {
            all.customers += chunk.customers; all.frequency += chunk.frequency
            all.recencyDays += chunk.recencyDays; all.ageDays += chunk.ageDays; all.monetary += chunk.monetary
        }
        return all
    }

    /// A purchase event row that is not part of a return.
    @inline(__always)
    static func isPurchase(_ r: Int, _ context: EvalContext) -> Bool {
        guard context.classes[context.store.events.event[r]] & EventClasses.purchase != 0 else { return false }
        let flags = context.facts.orderFlags
        return flags.isEmpty || flags[r] & OrderIndex.inReturn == 0
    }

    /// The models' input, times in units of `daysPerUnit` days.
    func summary(daysPerUnit: Double) -> PurchaseSummary {
        PurchaseSummary(frequency: frequency.map(Double.init), recency: recencyDays.map { Double($0) / daysPerUnit },
                        age: ageDays.map { Double($0) / daysPerUnit }, monetary: monetary)
    }

    /// For `clv check`: how many purchase days each of these customers has on each day after as_of, as
    /// counts by the day's offset from as_of (1 = the day after), up to `lastOffset`.
    /// - Complexity: O(the customers' event rows + lastOffset).
    func holdoutDays(_ scope: Scope, _ context: EvalContext, lastOffset: Int64) -> [Int] {
        let events = context.store.events
        var counts = [Int](repeating: 0, count: Int(max(lastOffset, 0)) + 1)
        for c in customers {
            var last = Int64.min
            for r in events.rows(of: c) where scope.includes(r) && Self.isPurchase(r, context) {
                let day = CivilTime.day(of: events.ts[r])
                guard day > asOfDay, day != last else { continue }
                last = day
                if day - asOfDay <= lastOffset { counts[Int(day - asOfDay)] += 1 }
            }
        }
        return counts
    }

    /// The last purchase day after as_of among these customers, as an offset from as_of (0 when none).
    func lastHoldoutOffset(_ scope: Scope, _ context: EvalContext) -> Int64 {
        let events = context.store.events
        var latest: Int64 = 0
        for c in customers {
            for r in events.rows(of: c).reversed() where scope.includes(r) && Self.isPurchase(r, context) {
                latest = max(latest, CivilTime.day(of: events.ts[r]) - asOfDay)
                break
            }
        }
        return latest
    }
}
