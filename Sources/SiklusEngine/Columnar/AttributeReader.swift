import SiklusStore

/// Reads an attribute's value for (customer, row) as a code, number or time; nil/-1 when missing.
/// Customer-level attributes ignore the row.
struct AttributeReader: @unchecked Sendable {
    let code: (Int32, Int) -> Int32
    let number: (Int32, Int) -> Double?
    let time: (Int32, Int) -> Int64?

    init(_ attribute: Attribute, _ context: EvalContext) {
        let store = context.store, facts = context.facts, events = store.events
        let noCode: (Int32, Int) -> Int32 = { _, _ in -1 }
        let noNumber: (Int32, Int) -> Double? = { _, _ in nil }
        let noTime: (Int32, Int) -> Int64? = { _, _ in nil }
        func fromColumn(_ column: Column, byCustomer: Bool) -> AttributeReader {
            let index: (Int32, Int) -> Int = byCustomer ? { c, _ in Int(c) } : { _, r in r }
            let count = column.count
            switch column.data {
            case .code(let codes):
                return AttributeReader(code: { c, r in let i = index(c, r); return i < count ? codes[i] : -1 }, number: noNumber, time: noTime)
            case .double(let values):
                return AttributeReader(code: noCode, number: { c, r in let i = index(c, r); return i < count && !column.isNull(i) ? values[i] : nil }, time: noTime)
            case .int64(let values):
                if column.type == .int {
                    return AttributeReader(code: noCode, number: { c, r in let i = index(c, r); return i < count && !column.isNull(i) ? Double(values[i]) : nil }, time: noTime)
                }
                return AttributeReader(code: noCode, number: noNumber, time: { c, r in let i = index(c, r); return i < count && !column.isNull(i) ? values[i] : nil })
            }
        }
        switch attribute {
        case .customerID:
            self.init(code: { c, _ in c }, number: noNumber, time: noTime)
        case .signup:
            self.init(code: noCode, number: noNumber, time: { c, _ in let t = facts.signup[Int(c)]; return t == CustomerFacts.none ? nil : t })
        case .firstPurchase:
            self.init(code: noCode, number: noNumber, time: { c, _ in let t = facts.firstPurchase[Int(c)]; return t == CustomerFacts.none ? nil : t })
        case .acquisitionChannel:
            let acquisition = facts.acquisitionChannel
            self.init(code: { c, _ in acquisition[Int(c)] }, number: noNumber, time: noTime)
        case .customerColumn(let i):
            self = fromColumn(store.customers.columns[i], byCustomer: true)
        case .event:
            self.init(code: { _, r in events.event[r] }, number: noNumber, time: noTime)
        case .eventChannel:
            self.init(code: { _, r in events.channel[r] }, number: noNumber, time: noTime)
        case .amount:
            self.init(code: noCode, number: { _, r in events.hasAmount(r) ? events.amount[r] : nil }, time: noTime)
        case .ts:
            self.init(code: noCode, number: noNumber, time: { _, r in events.ts[r] })
        case .eventExtra(let i):
            self = fromColumn(events.extras[i], byCustomer: false)
        case .stage:
            self.init(code: noCode, number: noNumber, time: noTime)
        }
    }

    init(code: @escaping (Int32, Int) -> Int32, number: @escaping (Int32, Int) -> Double?, time: @escaping (Int32, Int) -> Int64?) {
        self.code = code
        self.number = number
        self.time = time
    }
}
