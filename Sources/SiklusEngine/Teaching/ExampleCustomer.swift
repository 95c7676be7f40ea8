import Foundation
import SiklusLanguage
import SiklusStore

/// One real customer's events and facts, printed for the worked example of `explain`:
/// `purchase 2022-10-11 (55.00)`, `signup 2022-09-03`.
struct ExampleCustomer {
    let code: Int32
    let context: EvalContext

    /// The customer's id as written in the files.
    var id: String { context.store.customerIDs[code] }

    /// Every event row of the customer, in time order.
    var allRows: Range<Int> { context.store.events.rows(of: code) }

    /// The customer's rows that are in `scope`.
    func rows(in scope: Scope) -> [Int] { allRows.filter { scope.includes($0) } }

    func isPurchase(_ row: Int) -> Bool { context.classes[context.store.events.event[row]] & EventClasses.purchase != 0 }
    /// The row an order is counted at: a purchase row, or with an order column the first row of an order.
    func isOrder(_ row: Int) -> Bool {
        let orders = context.facts.orderFlags
        return isPurchase(row) && (orders.isEmpty || orders[row] & OrderIndex.startsOrder != 0)
    }
    /// The first row of a return (always false without an order column).
    func isReturn(_ row: Int) -> Bool {
        let orders = context.facts.orderFlags
        return !orders.isEmpty && isPurchase(row) && orders[row] & OrderIndex.startsReturn != 0
    }
    func isEngagement(_ row: Int) -> Bool { context.classes[context.store.events.event[row]] & EventClasses.engagement != 0 }
    func isChurnEvent(_ row: Int) -> Bool { context.classes[context.store.events.event[row]] & EventClasses.churn != 0 }

    /// `purchase 2022-10-11 (55.00)`: the event, its day, and its amount when it has one.
    func describe(_ row: Int) -> String {
        let events = context.store.events
        let code = events.event[row]
        if let order = orderTotal(row) { return order }
        var text = (code >= 0 ? context.store.strings[code] : "(no event)") + " " + CivilTime.formatDate(events.ts[row])
        if isPurchase(row), events.hasAmount(row) { text += " (\(Self.money(events.amount[row])))" }
        return text
    }

    /// `order 536365 2010-12-01 (57.64)` for the first row of an order or return (line-item data): its id,
    /// day and the sum of its rows; nil for any other row.
    private func orderTotal(_ row: Int) -> String? {
        guard (isOrder(row) && !context.facts.orderFlags.isEmpty) || isReturn(row), let codes = context.store.events.orderCodes else { return nil }
        let events = context.store.events, id = codes[row]
        let lines = id < 0 ? [row] : allRows.filter { codes[$0] == id && isPurchase($0) }
        let total = lines.filter(events.hasAmount).reduce(0.0) { $0 + events.amount[$1] }
        let name = id < 0 ? "(no id)" : context.store.strings[id]
        return "\(MessageCatalog.noun(isReturn(row) ? "return" : "order")) \(name) \(CivilTime.formatDate(events.ts[row])) (\(Self.money(total)))"
    }

    /// Up to `limit` rows described, then how many more: `visit 2022-09-01, demo 2022-09-02 and 3 more`.
    func list(_ rows: [Int], limit: Int = 4) -> String {
        guard !rows.isEmpty else { return MessageCatalog.text("example.none") }
        let shown = rows.prefix(limit).map(describe).joined(separator: ", ")
        return rows.count > limit ? shown + Self.more(rows.count - limit) : shown
    }

    /// The sum of the amounts of the purchase rows among `rows`.
    func revenue(_ rows: [Int]) -> Double {
        let events = context.store.events
        return rows.filter { isPurchase($0) && events.hasAmount($0) }.reduce(0) { $0 + events.amount[$1] }
    }

    /// The customer's value of a customer attribute (row -1) or an event attribute of `row`, as text.
    func value(_ attribute: Attribute, row: Int = -1) -> String {
        let reader = AttributeReader(attribute, context)
        switch attribute.kind(in: context.store) {
        case .code:
            let code = reader.code(self.code, row)
            return code >= 0 ? context.store.strings[code] : "(none)"
        case .customerCode: return id
        case .number: return reader.number(self.code, row).map(Self.number) ?? "(none)"
        case .time: return reader.time(self.code, row).map(CivilTime.formatDate) ?? "(none)"
        case .stage: return "(none)"
        }
    }

    /// `42.10`.
    static func money(_ value: Double) -> String { ExplainWords.decimal(String(format: "%.2f", value)) }

    /// A number without a useless fraction: `3`, `2.5`, `0.333`.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return ExplainWords.decimal(String(format: "%.4g", value))
    }

    /// `1 order`, `3 orders`.
    static func count(_ n: Int, _ noun: String) -> String { ExplainWords.count(n, noun) }

    /// ` and 3 more` after a cut list; ` dan 3 lainnya` in Indonesian.
    static func more(_ n: Int) -> String { MessageCatalog.text("example.more", ["count": String(n)]) }

    /// Whole days between two moments, as text: `12.5 days`.
    static func days(_ seconds: Int64) -> String {
        let days = Double(seconds) / Double(CivilTime.secondsPerDay)
        return (days == days.rounded() ? String(Int64(days)) : ExplainWords.decimal(String(format: "%.1f", days))) + " " + MessageCatalog.noun("days")
    }
}
