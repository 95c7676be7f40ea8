import SiklusLanguage

/// A value of a customer or an event row that filters and dimensions can read, resolved against a `Catalog`
/// (columns by index into the catalog's tables).
public enum Attribute: Hashable, Sendable {
    /// Per customer: the customer id (text identity).
    case customerID
    /// `customers.signup` when present, else the first event's time.
    case signup
    /// The time of the first purchase (with an order column: of the first order).
    case firstPurchase
    /// customers.channel, else the channel of the first event with one.
    case acquisitionChannel
    /// A customers-table column by index (`Catalog.customers.columns`).
    case customerColumn(Int)
    /// Per event row: the event name.
    case event
    /// The event row's channel.
    case eventChannel
    /// The event row's amount.
    case amount
    /// The event row's time.
    case ts
    /// An events column beyond the fixed five, by index (`Catalog.events.columns`).
    case eventExtra(Int)
    /// The lifecycle stage of an event row (only as a dimension).
    case stage

    /// True when the value depends only on the customer.
    public var isCustomerLevel: Bool {
        switch self {
        case .customerID, .signup, .firstPurchase, .acquisitionChannel, .customerColumn: true
        default: false
        }
    }

    /// How values of the attribute compare.
    public enum ValueKind: Sendable, Equatable {
        /// Text (a string code in the in-memory store).
        case code
        /// A customer id (text, in the customer-id dictionary).
        case customerCode
        case number
        case time
        case stage
    }

    /// How the attribute's values compare, given the catalog's column kinds.
    public func kind(in catalog: Catalog) -> ValueKind {
        switch self {
        case .customerID: .customerCode
        case .signup, .firstPurchase, .ts: .time
        case .acquisitionChannel, .event, .eventChannel: .code
        case .amount: .number
        case .stage: .stage
        case .customerColumn(let i): Self.kind(of: catalog.customers.columns[i].kind)
        case .eventExtra(let i): Self.kind(of: catalog.events.columns[i].kind)
        }
    }

    /// The value kind of a column kind.
    public static func kind(of kind: Catalog.ValueKind) -> ValueKind {
        switch kind {
        case .text: .code
        case .number: .number
        case .time: .time
        }
    }

    /// The name used in messages and printed plans (`customer`, `events.channel`, a column's own name).
    public func name(in catalog: Catalog) -> String {
        switch self {
        case .customerID: "customer"
        case .signup: "signup"
        case .firstPurchase: "first_purchase"
        case .acquisitionChannel: "channel"
        case .customerColumn(let i): catalog.customers.columns[i].name
        case .event: "event"
        case .eventChannel: "events.channel"
        case .amount: "amount"
        case .ts: "ts"
        case .eventExtra(let i): catalog.events.columns[i].name
        case .stage: "stage"
        }
    }

    /// Names the user can write, for "did you mean" (`where` context: events first).
    public static func names(in catalog: Catalog) -> [String] {
        var names = ["event", "channel", "amount", "ts", "signup", "first_purchase", "customer", "country"]
        names += catalog.events.columns.map(\.name)
        names += catalog.customers.columns.map(\.name)
        var seen = Set<String>()
        return names.filter { seen.insert($0.lowercased()).inserted }
    }

    /// Resolves a column name. `preferEvents` is true in `where` (bare `channel` is the event's channel)
    /// and false in cohort filters and `by` (bare `channel` is the acquisition channel).
    public static func resolve(_ name: QualifiedName, in catalog: Catalog, preferEvents: Bool) throws(Diagnostic) -> Attribute {
        let parts = name.parts.map(\.lowercased)
        let table = parts.count > 1 ? parts[0] : nil
        let column = parts[parts.count - 1]
        if let table, table != "events", table != "customers" {
            throw Diagnostic.unknown("table", name.parts[0].text, at: name.parts[0].span, among: ["events", "customers"])
        }
        func eventAttribute() -> Attribute? {
            switch column {
            case "event", "event_name": return .event
            case "channel": return .eventChannel
            case "amount": return .amount
            case "ts", "time", "timestamp": return .ts
            // `event_channel` is how `by events.channel` heads its column (issue 15), unless a column has that name.
            default: return catalog.events.index(named: column).map { .eventExtra($0) } ?? (column == "event_channel" ? .eventChannel : nil)
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
            if let index = catalog.customers.index(named: column) { return .customerColumn(index) }
            if let index = catalog.customers.index(ofRole: column) { return .customerColumn(index) }
            return nil
        }
        let found: Attribute?
        switch table {
        case "events": found = eventAttribute()
        case "customers": found = customerAttribute()
        default: found = preferEvents ? (eventAttribute() ?? customerAttribute()) : (customerAttribute() ?? eventAttribute())
        }
        guard let found else {
            throw Diagnostic.unknown("column", name.text, at: name.span, among: names(in: catalog),
                                     fallbackHint: MessageCatalog.text("bind.columns", ["columns": MessageCatalog.listing(names(in: catalog))]))
        }
        return found
    }
}
