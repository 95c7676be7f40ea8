/// The three tables of a store.
public enum TableKind: String, Sendable, CaseIterable, Equatable {
    case events, customers, spend
}

/// The meaning of a column, found from its header name (or told with `map role=Column`).
public enum ColumnRole: String, Sendable, CaseIterable, Hashable {
    case customer, ts, event, amount, channel
    /// Line-item events: the order (invoice) id, and units × unit price when there is no amount.
    case order, quantity, unit_price
    case signup, country
    case date, spend, impressions, clicks
    /// Email campaigns in the spend table: opens and emails delivered (for `open_rate`).
    case opens, delivered
}

extension ColumnRole {
    /// Event roles kept as ordinary extra columns (queryable by name) rather than as fixed role columns.
    public var isStoredAsExtra: Bool { self == .order || self == .quantity || self == .unit_price }
}

/// Every event, sorted by (customer, ts, original file row), with a per-customer offset index.
///
/// The rows of customer `c` are `rows(of: c)`: a contiguous range, so first touch, first purchase,
/// repeat purchases and last activity are single linear scans with no hashing (CSR layout).
public struct EventTable: Sendable {
    /// Customer code (into `Store.customerIDs`) per row.
    public internal(set) var customer: [Int32] = []
    /// Event time, Unix seconds (UTC).
    public internal(set) var ts: [Int64] = []
    /// Event name code (into `Store.strings`).
    public internal(set) var event: [Int32] = []
    /// Order amount; meaningful where `amountNulls` is nil or false.
    public internal(set) var amount: [Double] = []
    public internal(set) var amountNulls: [Bool]?
    /// Channel code (into `Store.strings`), -1 when missing.
    public internal(set) var channel: [Int32] = []
    /// Other columns of the file(s), row-aligned with the role columns.
    public internal(set) var extras: [Column] = []
    /// `offsets[c]..<offsets[c + 1]` are the rows of customer `c`; `offsets.count == customers + 1`.
    public internal(set) var offsets: [Int] = [0]
    /// The extra column holding order ids (role `order`: rows of one order are line items), or nil when
    /// every purchase row is an order of its own.
    public internal(set) var orderColumn: String?

    public init() {}

    public var count: Int { customer.count }

    /// Number of customer codes the offset index covers.
    public var customerCount: Int { offsets.count - 1 }

    /// The rows of customer `code`, in (ts, file row) order.
    /// - Complexity: O(1).
    @inlinable
    public func rows(of code: Int32) -> Range<Int> {
        let c = Int(code)
        guard c + 1 < offsets.count else { return 0..<0 }
        return offsets[c]..<offsets[c + 1]
    }

    /// True when the amount of row `i` is present.
    @inlinable
    public func hasAmount(_ i: Int) -> Bool { !(amountNulls?[i] ?? false) }

    /// The extra column named `name` (case-insensitive), if any.
    public func extra(_ name: String) -> Column? {
        extras.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The order ids (string codes, -1 when missing) per row, when an order column is loaded.
    public var orderCodes: [Int32]? {
        guard let orderColumn, let column = extra(orderColumn), case .code(let codes) = column.data else { return nil }
        return codes
    }
}

/// Customer attributes, one slot per customer code (so lookups by code are array indexing).
///
/// Slots of customers that appear only in events have `hasRow[c] == false` and null attributes.
public struct CustomerTable: Sendable {
    /// True when the customers file had a row for this code.
    public internal(set) var hasRow: [Bool] = []
    /// Attribute columns, each with one value per customer code.
    public internal(set) var columns: [Column] = []
    /// Which column plays which role (signup, channel, country).
    public internal(set) var roles: [ColumnRole: Int] = [:]

    public init() {}

    /// Number of customers with a row in the customers file.
    public var rowCount: Int { hasRow.lazy.filter { $0 }.count }

    /// The column playing `role`, if any.
    public func column(for role: ColumnRole) -> Column? { roles[role].map { columns[$0] } }

    /// The column named `name` (case-insensitive), if any.
    public func column(named name: String) -> Column? {
        columns.first { $0.name.lowercased() == name.lowercased() }
    }
}

/// Marketing spend rows (date, channel, spend, impressions, clicks, extras), in load order.
public struct SpendTable: Sendable {
    public internal(set) var columns: [Column] = []
    public internal(set) var roles: [ColumnRole: Int] = [:]

    public init() {}

    public var count: Int { columns.first?.count ?? 0 }

    /// The column playing `role`, if any.
    public func column(for role: ColumnRole) -> Column? { roles[role].map { columns[$0] } }

    /// The column named `name` (case-insensitive), if any.
    public func column(named name: String) -> Column? {
        columns.first { $0.name.lowercased() == name.lowercased() }
    }
}
