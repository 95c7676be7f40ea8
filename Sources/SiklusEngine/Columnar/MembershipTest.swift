import SiklusLanguage
import SiklusStore

/// `x in (v1, …, vn)` compiled for its length: a short list tests each value in turn; a longer one
/// looks the value up once — a hash set of codes or numbers, or sorted time ranges searched by
/// bisection — so `customer in (300 ids)` over millions of customers is one lookup per customer, not 300.
enum MembershipTest {
    /// Up to this many values are tested one by one (cheaper than hashing for a handful).
    static let linearLimit = 8

    /// Each value's own comparison.
    case values([(Int32, Int) -> Bool])
    /// Text attributes: the codes of the listed values that occur in the data.
    case codes(Set<Int32>)
    /// Number attributes.
    case numbers(Set<Double>)
    /// Time attributes: the periods the values name, sorted by start and merged where they overlap.
    case times([TimeRange])

    /// Compiles `attribute in (values)`; each value means what `attribute = value` means.
    /// - Complexity: O(k log k) to build for k values; a test is O(1) expected (codes, numbers) or
    ///   O(log k) (times), O(k) for lists of at most `linearLimit`.
    static func compile(_ attribute: Attribute, _ values: [FilterValue], _ context: EvalContext,
                        reader: AttributeReader? = nil) -> MembershipTest {
        guard values.count > linearLimit else {
            return .values(values.map { ValueMatcher.comparison(attribute, .equal, $0, context, reader: reader) })
        }
        let store = context.store
        switch attribute.kind(in: store) {
        case .code, .customerCode:
            let dictionary = attribute.kind(in: store) == .customerCode ? store.customerIDs : store.strings
            return .codes(Set(values.compactMap { v -> Int32? in if case .text(let text) = v { dictionary.code(of: text) } else { nil } }))
        case .number:
            return .numbers(Set(values.compactMap { v -> Double? in if case .number(let number) = v { number } else { nil } }))
        case .time:
            let ranges = values.compactMap { v -> TimeRange? in if case .time(let range) = v { range } else { nil } }.sorted { $0.start < $1.start }
            var merged: [TimeRange] = []
            for range in ranges {
                if let last = merged.last, range.start <= last.end {
                    merged[merged.count - 1].end = max(last.end, range.end)
                } else {
                    merged.append(range)
                }
            }
            return .times(merged)
        case .stage:
            return .values(values.map { ValueMatcher.comparison(attribute, .equal, $0, context, reader: reader) })
        }
    }

    /// The test of (customer, row); `reader` as given to `compile`.
    func test(_ attribute: Attribute, _ context: EvalContext, reader: AttributeReader? = nil) -> (Int32, Int) -> Bool {
        let reader = reader ?? AttributeReader(attribute, context)
        switch self {
        case .values(let matchers):
            return { c, r in matchers.contains { $0(c, r) } }
        case .codes(let codes):
            let read = reader.code
            return { c, r in codes.contains(read(c, r)) }
        case .numbers(let numbers):
            let read = reader.number
            return { c, r in read(c, r).map(numbers.contains) ?? false }
        case .times(let ranges):
            let read = reader.time
            return { c, r in
                guard let t = read(c, r) else { return false }
                // The last range starting at or before t.
                var lo = 0, hi = ranges.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if ranges[mid].start <= t { lo = mid + 1 } else { hi = mid }
                }
                return lo > 0 && ranges[lo - 1].contains(t)
            }
        }
    }
}
