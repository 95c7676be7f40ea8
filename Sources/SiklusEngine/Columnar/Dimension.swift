import SiklusLanguage
import SiklusStore

/// A grouping dimension bound to the data: each customer (or event row) maps to a dense key
/// `0..<labels.count`, so grouping is array indexing, not hashing.
struct Dimension: @unchecked Sendable {
    /// Column name in results (`month`, `channel`, `cohort`).
    let name: String
    /// True when the key depends only on the customer (then `key` ignores the row).
    let isCustomerLevel: Bool
    /// Dense key of (customer, row); row is -1 for customer-level keys.
    let key: (Int32, Int) -> Int
    /// Label per key, in display order (time periods chronologically, text alphabetically).
    let labels: [String]
    /// For time dimensions: how periods map to keys.
    let period: PeriodKeys?
    /// For text dimensions: the key of a string code, so other tables (spend) can be grouped alike.
    var codeKey: ((Int32) -> Int)? = nil
    /// What the dimension reads, when it reads an attribute.
    var attribute: Attribute? = nil
    /// The same keys as `key`, in a form hot loops can materialise without calling a closure per row.
    var source: KeySource = .generic

    /// The key of a timestamp, for time dimensions (to group spend by date and first purchases by period).
    func key(ofTime t: Int64) -> Int? {
        guard let period else { return nil }
        return period.key(period: period.calendar.index(t))
    }

    static let noneLabel = "(none)"

    /// The dimension a bound spec describes, numbered over the context's data.
    static func of(_ spec: DimensionSpec, _ context: EvalContext) throws(Diagnostic) -> Dimension {
        switch spec.kind {
        case .eventTime(let unit): return eventTime(unit, context)
        case .stage: return stageDimension(context)
        case .orderNumber: return try orderNumberDimension(context, span: spec.span)
        case .attribute(let attribute, let period):
            return try of(attribute, name: spec.name, context, period: period ?? context.settings.period, span: spec.span)
        }
    }

    /// `by day|week|…`: the event time, over the span of events and spend (so spend-only periods get rows too).
    private static func eventTime(_ unit: PeriodUnit, _ context: EvalContext) -> Dimension {
        var lo = context.dataStart ?? .max, hi = context.dataEnd ?? .min
        let spendDates: [Int64]
        if let date = context.store.spend.column(for: .date), case .int64(let days) = date.data {
            spendDates = days.indices.filter { !date.isNull($0) }.map { days[$0] }
        } else {
            spendDates = []
        }
        for d in spendDates { lo = min(lo, d); hi = max(hi, d) }
        if lo > hi { (lo, hi) = (0, 0) }
        let ts = context.store.events.ts
        var dimension = timeDimension(name: unit.rawValue, customerLevel: false, unit: unit, context, range: (lo, hi),
                                      values: { ts + spendDates }) { _, r in ts[r] }
        dimension.attribute = .ts
        if let keys = dimension.period {
            dimension.source = .rowTimes(ts, table: PeriodTable(keys.calendar, minSeconds: lo, maxSeconds: hi), keys: keys)
        }
        return dimension
    }

    /// A dimension over an attribute; time attributes are bucketed by `period`. `span` is the name's, for errors.
    static func of(_ attribute: Attribute, name: String, _ context: EvalContext, period: PeriodUnit, span: SourceSpan? = nil) throws(Diagnostic) -> Dimension {
        let store = context.store
        let reader = AttributeReader(attribute, context)
        switch attribute.kind(in: store) {
        case .stage:
            return stageDimension(context)
        case .time:
            let read = reader.time
            var lo = Int64.max, hi = Int64.min
            let factTimes: [Int64]? = attribute == .signup ? context.facts.signup : (attribute == .firstPurchase ? context.facts.firstPurchase : nil)
            let factSpan = attribute == .signup ? context.facts.signupSpan : context.facts.firstPurchaseSpan
            if factTimes != nil {
                // The common cohort dimensions take their span from the facts' pass, with no pass of their own.
                if let factSpan { (lo, hi) = (factSpan.lowerBound, factSpan.upperBound) }
            } else if attribute.isCustomerLevel {
                for c in 0..<context.customerCount { if let t = read(Int32(c), -1) { lo = min(lo, t); hi = max(hi, t) } }
            } else {
                for r in 0..<store.events.count { if let t = read(store.events.customer[r], r) { lo = min(lo, t); hi = max(hi, t) } }
            }
            if lo > hi { (lo, hi) = (0, 0) }
            // Every value, for sparse keys (only read when the span is too long to number densely).
            let values: () -> [Int64] = {
                if let factTimes { return factTimes.filter { $0 != CustomerFacts.none } }
                if attribute.isCustomerLevel { return (0..<context.customerCount).compactMap { read(Int32($0), -1) } }
                return (0..<store.events.count).compactMap { read(store.events.customer[$0], $0) }
            }
            var dimension = timeDimension(name: name, customerLevel: attribute.isCustomerLevel, unit: period, context, range: (lo, hi),
                                          values: values, read: read)
            dimension.attribute = attribute
            if let keys = dimension.period {
                let table = PeriodTable(keys.calendar, minSeconds: lo, maxSeconds: hi)
                switch attribute {
                case .signup: dimension.source = .customerTimes(context.facts.signup, table: table, keys: keys)
                case .firstPurchase: dimension.source = .customerTimes(context.facts.firstPurchase, table: table, keys: keys)
                default: break
                }
            }
            return dimension
        case .code, .customerCode:
            let read = reader.code
            let dictionary = attribute.kind(in: store) == .customerCode ? store.customerIDs : store.strings
            var present = [Bool](repeating: false, count: dictionary.count)
            if attribute.isCustomerLevel {
                for c in 0..<context.customerCount { let v = read(Int32(c), -1); if v >= 0 { present[Int(v)] = true } }
            } else {
                for r in 0..<store.events.count { let v = read(store.events.customer[r], r); if v >= 0 { present[Int(v)] = true } }
            }
            // Channels also label spend rows: a channel with spend but no customers still gets its own group.
            if Self.isChannel(attribute, store), let spendChannel = store.spend.column(for: .channel), case .code(let codes) = spendChannel.data {
                for v in codes where v >= 0 && Int(v) < present.count { present[Int(v)] = true }
            }
            let codes = present.indices.filter { present[$0] }.sorted { dictionary[Int32($0)] < dictionary[Int32($1)] }
            var dense = [Int](repeating: codes.count, count: dictionary.count)
            for (k, code) in codes.enumerated() { dense[code] = k }
            let labels = codes.map { dictionary[Int32($0)] } + [noneLabel]
            let dense32 = dense.map { Int32($0) }
            var source = KeySource.generic
            switch attribute {
            case .acquisitionChannel: source = .customerCodes(context.facts.acquisitionChannel, dense: dense32)
            case .event: source = .rowCodes(store.events.event, dense: dense32)
            case .eventChannel: source = .rowCodes(store.events.channel, dense: dense32)
            case .customerColumn(let i): if case .code(let v) = store.customers.columns[i].data { source = .customerCodes(v, dense: dense32) }
            case .eventExtra(let i): if case .code(let v) = store.events.extras[i].data { source = .rowCodes(v, dense: dense32) }
            default: break
            }
            return Dimension(name: name, isCustomerLevel: attribute.isCustomerLevel,
                             key: { c, r in let v = read(c, r); return v >= 0 ? dense[Int(v)] : codes.count },
                             labels: labels, period: nil,
                             codeKey: { v in v >= 0 && Int(v) < dense.count ? dense[Int(v)] : codes.count }, attribute: attribute,
                             source: source)
        case .number:
            let read = reader.number
            var values = Set<Double>()
            if attribute.isCustomerLevel {
                for c in 0..<context.customerCount { if let v = read(Int32(c), -1) { values.insert(v) } }
            } else {
                for r in 0..<store.events.count { if let v = read(store.events.customer[r], r) { values.insert(v) } }
            }
            guard values.count <= 100_000 else {
                throw Diagnostic("\(name) has \(values.count) distinct values: too many to group by (at most 100000)", at: span,
                                 hints: ["group by a coarser column, or filter first: | where \(name) < …"])
            }
            let sorted = values.sorted()
            let index = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
            return Dimension(name: name, isCustomerLevel: attribute.isCustomerLevel,
                             key: { c, r in read(c, r).flatMap { index[$0] } ?? sorted.count },
                             labels: sorted.map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int64($0)) : String($0) } + [noneLabel],
                             period: nil)
        }
    }

    /// Attributes that name a marketing channel.
    static func isChannel(_ attribute: Attribute, _ store: Store) -> Bool {
        switch attribute {
        case .acquisitionChannel, .eventChannel: true
        case .customerColumn(let i): store.customers.roles[.channel] == i
        default: false
        }
    }

    /// A time dimension over values in `range`: one label per period of the range when it is short,
    /// else one per period that holds one of `values` (see `PeriodKeys`).
    /// - Complexity: O(periods of the range) when dense; O(n log n) in the number of values when sparse.
    private static func timeDimension(name: String, customerLevel: Bool, unit: PeriodUnit, _ context: EvalContext,
                                      range: (Int64, Int64), values: () -> [Int64], read: @escaping (Int32, Int) -> Int64?) -> Dimension {
        let calendar = context.calendar(unit)
        let table = PeriodTable(calendar, minSeconds: range.0, maxSeconds: range.1)
        let keys = PeriodKeys(calendar, lo: range.0, hi: range.1) {
            // Values come in runs (events by customer and time): skip repeats of the previous period.
            var periods: [Int64] = [], previous: Int64?
            for t in values() {
                let p = table.index(t)
                if p != previous { periods.append(p); previous = p }
            }
            return periods
        }
        return Dimension(name: name, isCustomerLevel: customerLevel, key: { c, r in
            guard let t = read(c, r) else { return keys.count }
            return keys.key(period: table.index(t))
        }, labels: keys.labels + [noneLabel], period: keys)
    }

    /// The lifecycle stage of each event row: the first purchase is `purchase`, later purchases
    /// `retention`; rows of events in no stage are `(other)`.
    private static func stageDimension(_ context: EvalContext) -> Dimension {
        let classifier = StageClassifier(context)
        return Dimension(name: "stage", isCustomerLevel: false, key: { c, r in classifier.stage(customer: c, row: r)?.rawValue ?? Stage.allCases.count },
                         labels: Stage.allCases.map(\.name) + ["(other)"], period: nil, source: .stage(classifier))
    }
}

/// Where a dimension's keys come from, for materialising them in bulk (see `GroupKeys.materialize`).
enum KeySource: @unchecked Sendable {
    /// key = dense[values[customer]] (values -1 = none → dense.count).
    case customerCodes([Int32], dense: [Int32])
    /// key = dense[values[row]].
    case rowCodes([Int32], dense: [Int32])
    /// key = keys.key(period(values[customer])) (`CustomerFacts.none` = none → keys.count).
    case customerTimes([Int64], table: PeriodTable, keys: PeriodKeys)
    /// key = keys.key(period(values[row])).
    case rowTimes([Int64], table: PeriodTable, keys: PeriodKeys)
    /// key = the row's lifecycle stage.
    case stage(StageClassifier)
    /// Only through the `key` closure.
    case generic
}
