import SiklusLanguage
import SiklusStore

/// What a pipeline's scope steps do to the spend table, which has dates and channels but no customers.
///
/// Conditions on the event time (`where ts >= 2023-01`) and the event channel (`where channel = social`)
/// narrow spend rows too; conditions on anything else (customers, amounts, event names), `stage` steps
/// and cohort filters cannot, and are listed so results can say so.
struct SpendFilter {
    /// Tests of a spend row, all of which must hold.
    var tests: [(Int) -> Bool] = []
    /// The steps that narrowed the customers but could not narrow spend, as written (`where country = ID`).
    var unnarrowed: [String] = []

    /// The scope steps of a pipeline, as the binder records them for spend metrics.
    typealias Step = LogicalQuery.SpendScopeStep

    /// Compiles the scope steps against the spend table's date and channel columns.
    static func compile(_ steps: [Step], _ context: EvalContext) -> SpendFilter {
        var filter = SpendFilter()
        let spend = context.store.spend
        var reader = AttributeReader(code: { _, _ in -1 }, number: { _, _ in nil }, time: { _, _ in nil })
        var channelReader = reader
        if let date = spend.column(for: .date), case .int64(let dates) = date.data {
            reader = AttributeReader(code: { _, _ in -1 }, number: { _, _ in nil }, time: { _, r in date.isNull(r) ? nil : dates[r] })
        }
        if let channel = spend.column(for: .channel), case .code(let codes) = channel.data {
            channelReader = AttributeReader(code: { _, r in codes[r] }, number: { _, _ in nil }, time: { _, _ in nil })
        }
        for step in steps {
            switch step {
            case .other(let written):
                filter.unnarrowed.append(written)
            case .condition(let condition, let written):
                let (test, complete) = narrowing(condition, context, dateReader: reader, channelReader: channelReader)
                if let test { filter.tests.append(test) }
                if !complete { filter.unnarrowed.append(written) }
            }
        }
        return filter
    }

    /// True when spend row `r` passes every condition.
    func keeps(_ r: Int) -> Bool { tests.allSatisfy { $0(r) } }

    /// The test a condition puts on spend rows (nil: none), and whether it says all the condition says.
    private static func narrowing(_ filter: RowFilter, _ context: EvalContext, dateReader: AttributeReader,
                                  channelReader: AttributeReader) -> (test: ((Int) -> Bool)?, complete: Bool) {
        func recurse(_ f: RowFilter) -> (test: ((Int) -> Bool)?, complete: Bool) {
            narrowing(f, context, dateReader: dateReader, channelReader: channelReader)
        }
        switch filter {
        case .and(let a, let b):
            // Either side narrows spend on its own: a row failing it fails the conjunction.
            let (l, r) = (recurse(a), recurse(b))
            let test: ((Int) -> Bool)? = switch (l.test, r.test) {
            case let (x?, y?): { x($0) && y($0) }
            case let (x?, nil): x
            case let (nil, y?): y
            case (nil, nil): nil
            }
            return (test, l.complete && r.complete)
        case .or(let a, let b):
            let (l, r) = (recurse(a), recurse(b))
            guard l.complete, r.complete, let x = l.test, let y = r.test else { return (nil, false) }
            return ({ x($0) || y($0) }, true)
        case .not(let a):
            let inner = recurse(a)
            guard inner.complete, let x = inner.test else { return (nil, false) }
            return ({ !x($0) }, true)
        case .compare(let attribute, let op, let value, _):
            guard isSpendAttribute(attribute) else { return (nil, false) }
            let match = ValueMatcher.comparison(attribute, op, value, context, reader: reader(attribute, dateReader, channelReader))
            return ({ match(-1, $0) }, true)
        case .compareAttributes, .did:
            return (nil, false)
        case .member(let attribute, let values, let negated, _):
            guard isSpendAttribute(attribute) else { return (nil, false) }
            let reader = reader(attribute, dateReader, channelReader)
            let test = MembershipTest.compile(attribute, values, context, reader: reader).test(attribute, context, reader: reader)
            let hasValue = ValueMatcher.hasValue(attribute, context, reader: reader)
            return (negated ? { hasValue(-1, $0) && !test(-1, $0) } : { test(-1, $0) }, true)
        }
    }

    /// `ts` and the event channel: the attributes a spend row has.
    private static func isSpendAttribute(_ attribute: Attribute) -> Bool { attribute == .ts || attribute == .eventChannel }

    private static func reader(_ attribute: Attribute, _ date: AttributeReader, _ channel: AttributeReader) -> AttributeReader {
        attribute == .ts ? date : channel
    }
}
