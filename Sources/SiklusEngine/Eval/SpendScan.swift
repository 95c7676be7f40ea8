import SiklusLanguage
import SiklusStore

/// Spend-table sums per group, and new paying customers per group for cost per acquisition.
struct SpendStats: Sendable {
    var spend = 0.0
    var impressions = 0.0
    var clicks = 0.0
    /// Email opens and emails delivered (`open_rate`); 0 without those columns.
    var opens = 0.0
    var delivered = 0.0
    /// In-scope customers whose first purchase falls in the group's period and channel.
    var newCustomers = 0
}

/// Groups spend rows by the time and channel dimensions of a query.
///
/// Spend has no customers, so only dimensions a spend row can answer are allowed: the event time
/// units (`by month`) and channels (`by channel`, `events.channel`, `customers.channel`).
struct SpendScan {
    /// Sums the spend rows `filter` keeps (none when `noRows`), and counts new paying customers in scope.
    static func run(_ scope: Scope, _ keys: GroupKeys, _ context: EvalContext, metricSpan: SourceSpan?,
                    filter: SpendFilter = SpendFilter(), noRows: Bool = false) throws(Diagnostic) -> [SpendStats] {
        let spend = context.store.spend
        guard let date = spend.column(for: .date), case .int64(let dates) = date.data,
              let channel = spend.column(for: .channel), case .code(let channels) = channel.data else {
            throw Diagnostic("spend metrics need a spend table", at: metricSpan, hints: ["load spend \"spend.csv\""])
        }
        func values(_ role: ColumnRole) -> [Double] {
            guard let column = spend.column(for: role) else { return Array(repeating: 0, count: spend.count) }
            switch column.data {
            case .double(let v): return v.enumerated().map { column.isNull($0) ? 0 : $1 }
            case .int64(let v): return v.enumerated().map { column.isNull($0) ? 0 : Double($1) }
            case .code: return Array(repeating: 0, count: spend.count)
            }
        }
        let money = values(.spend), impressions = values(.impressions), clicks = values(.clicks)
        let opens = values(.opens), delivered = values(.delivered)

        // How each dimension keys a spend row and a customer's first purchase.
        var rowKeys: [(Int) -> Int] = []
        var customerKeys: [(Int32, Int64) -> Int] = []
        var hasTime = false
        for dimension in keys.dimensions {
            let none = dimension.labels.count - 1
            if dimension.period != nil, dimension.attribute == .ts {
                hasTime = true
                rowKeys.append { dimension.key(ofTime: dates[$0]) ?? none }
                customerKeys.append { _, t in dimension.key(ofTime: t) ?? none }
            } else if let codeKey = dimension.codeKey, let attribute = dimension.attribute, Dimension.isChannel(attribute, context.store) {
                rowKeys.append { codeKey(channels[$0]) }
                let acquisition = context.facts.acquisitionChannel
                customerKeys.append { c, _ in codeKey(acquisition[Int(c)]) }
            } else {
                throw Diagnostic("spend metrics can be grouped by time (day, week, month, quarter, year) and channel, not by \(dimension.name)",
                                 at: metricSpan, hints: ["drop `by \(dimension.name)`, or ask for customer metrics only"])
            }
        }
        func combine(_ parts: [Int]) -> Int { keys.key(parts: parts) }

        var stats = [SpendStats](repeating: SpendStats(), count: keys.count)
        var lo = Int64.max, hi = Int64.min
        for r in 0..<spend.count where !noRows && !date.isNull(r) && filter.keeps(r) {
            let g = combine(rowKeys.map { $0(r) })
            stats[g].spend += money[r]
            stats[g].impressions += impressions[r]
            stats[g].clicks += clicks[r]
            stats[g].opens += opens[r]
            stats[g].delivered += delivered[r]
            lo = min(lo, dates[r]); hi = max(hi, dates[r])
        }
        // Without a time dimension, "the period" is the span the spend table covers.
        let span = lo <= hi ? TimeRange(start: lo, end: (CivilTime.day(of: hi) + 1) * CivilTime.secondsPerDay) : TimeRange(start: 0, end: 0)
        for c in scope.customers {
            let t = context.facts.firstPurchase[Int(c)]
            guard t != CustomerFacts.none, hasTime || span.contains(t) else { continue }
            stats[combine(customerKeys.map { $0(c, t) })].newCustomers += 1
        }
        return stats
    }
}
