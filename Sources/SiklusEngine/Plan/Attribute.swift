import SiklusLanguage
import SiklusStore

/// A value of a customer or an event row that filters and dimensions can read.
enum Attribute: Equatable, Sendable {
    /// Per customer.
    case customerID
    case signup
    case firstPurchase
    /// customers.channel, else the channel of the first event with one.
    case acquisitionChannel
    /// A customers-table column by index.
    case customerColumn(Int)
    /// Per event row.
    case event
    case eventChannel
    case amount
    case ts
    /// An extra events column by index.
    case eventExtra(Int)
    /// The lifecycle stage of an event row (only as a dimension).
    case stage

    var isCustomerLevel: Bool {
        switch self {
        case .customerID, .signup, .firstPurchase, .acquisitionChannel, .customerColumn: true
        default: false
        }
    }

    /// How values of the attribute compare.
    enum ValueKind { case code, customerCode, number, time, stage }

    func kind(in store: Store) -> ValueKind {
        switch self {
        case .customerID: .customerCode
        case .signup, .firstPurchase, .ts: .time
        case .acquisitionChannel, .event, .eventChannel: .code
        case .amount: .number
        case .stage: .stage
        case .customerColumn(let i): Self.kind(of: store.customers.columns[i])
        case .eventExtra(let i): Self.kind(of: store.events.extras[i])
        }
    }

    private static func kind(of column: Column) -> ValueKind {
        switch column.type {
        case .string: .code
        case .int, .float: .number
        case .date, .datetime: .time
        }
    }

    /// Names the user can write, for "did you mean" (`where` context: events first).
    static func names(in store: Store) -> [String] {
        var names = ["event", "channel", "amount", "ts", "signup", "first_purchase", "customer", "country"]
        names += store.events.extras.map(\.name)
        names += store.customers.columns.map(\.name)
        var seen = Set<String>()
        return names.filter { seen.insert($0.lowercased()).inserted }
    }

    /// Resolves a column name. `preferEvents` is true in `where` (bare `channel` is the event's channel)
    /// and false in cohort filters and `by` (bare `channel` is the acquisition channel).
    static func resolve(_ name: QualifiedName, in store: Store, preferEvents: Bool) throws(Diagnostic) -> Attribute {
        let parts = name.parts.map(\.lowercased)
        let table = parts.count > 1 ? parts[0] : nil
        let column = parts.last!
        if let table, table != "events", table != "customers" {
            throw Diagnostic.unknown("table", name.parts[0].text, at: name.parts[0].span, among: ["events", "customers"])
        }
        func eventAttribute() -> Attribute? {
            switch column {
            case "event", "event_name": return .event
            case "channel": return .eventChannel
            case "amount": return .amount
            case "ts", "time", "timestamp": return .ts
            default: return store.events.extras.firstIndex { $0.name.lowercased() == column }.map { .eventExtra($0) }
            }
        }
        func customerAttribute() -> Attribute? {
            switch column {
            case "customer", "customer_id", "id": return .customerID
            case "signup", "signup_date": return .signup
            case "first_purchase": return .firstPurchase
            case "channel", "acquisition_channel": return .acquisitionChannel
            default: break
            }
            if let index = store.customers.columns.firstIndex(where: { $0.name.lowercased() == column }) { return .customerColumn(index) }
            if let role = ColumnRole(rawValue: column), let index = store.customers.roles[role] { return .customerColumn(index) }
            return nil
        }
        let found: Attribute?
        switch table {
        case "events": found = eventAttribute()
        case "customers": found = customerAttribute()
        default: found = preferEvents ? (eventAttribute() ?? customerAttribute()) : (customerAttribute() ?? eventAttribute())
        }
        guard let found else {
            throw Diagnostic.unknown("column", name.text, at: name.span, among: names(in: store),
                                     fallbackHint: "columns: " + Diagnostic.listing(names(in: store)))
        }
        return found
    }
}
