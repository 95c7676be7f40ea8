import SiklusPlan

/// Where the lowering reads the data: the engine's `events`, `customers` and `spend` tables and which of
/// their columns plays each role. Columns beyond the roles (event side columns, customer attributes)
/// are read by their catalog names.
///
/// Tables Siklus loads itself (`siklus(…)`) use the role names below and carry `row_no`, the row's
/// position in the file, so ties in `ts` break by file order as in memory. For an existing engine table
/// without such a column (`loadOrder` nil), ties in `ts` break by the remaining event columns (customer,
/// event, amount, channel), which is deterministic but may differ from the table's physical order.
public struct SQLSourceTables: Sendable, Equatable {
    public var events = "events"
    public var customers = "customers"
    public var spend = "spend"
    /// Events columns by role; nil when the table has none (read as NULL).
    public var eventCustomer = "customer_id"
    public var eventTime = "ts"
    public var eventName: String? = "event"
    public var eventAmount: String? = "amount"
    public var eventChannel: String? = "channel"
    /// The load-order column (file order), or nil.
    public var loadOrder: String? = "row_no"
    /// The customers table's id column (the catalog lists the customers table's other columns only).
    public var customerID = "customer_id"
    /// The customers table's load-order column (Siklus's tables: the customer's code × 2³², equal to the
    /// minimum of their events' load order), or nil. `rows` lists customers by it, else by their first
    /// event's load order, then by id.
    public var customerLoadOrder: String? = nil
    /// Whether the tables keep the order customers first appear in the loaded data (Siklus's engine tables:
    /// `customerLoadOrder`, and events numbered by customer; a bound table: its documented tie-break), so
    /// `rows` can list store order. False for tables read straight from the files (`explain`'s), where the
    /// customers file's order is lost: `rows` is refused there.
    public var keepCustomerOrder = false
    /// Columns the engine holds as booleans (a bound existing table's), which the catalog reads as the
    /// text `true` / `false`: comparisons with them are lowered as booleans (`SQLLowering+Boolean`).
    public var eventBooleans: Set<String> = []
    public var customerBooleans: Set<String> = []
    /// Every customer with an event has a row with a signup in the customers table, so signup never falls
    /// back to the first event: `people` reads signup from the customers table alone and needs no facts for
    /// it (`SQLLowering+SignupWindow`, `SQLColumnOnlyJoin.dropFacts`). Known only for tables Siklus wrote from its
    /// own parse (`EngineCatalog`), which nothing else changes while connected; never assumed for a bound
    /// existing table or for `explain`'s SQL over the files.
    public var customersGiveEverySignup = false

    public init() {}

    /// The layout of tables Siklus creates when it loads files into an engine: role columns named
    /// `customer_id`, `ts`, `event`, `amount`, `channel`, side columns by their header, `row_no` the
    /// 1-based line order; customers and spend keep their headers.
    public static let siklus: SQLSourceTables = {
        var tables = SQLSourceTables()
        tables.keepCustomerOrder = true
        return tables
    }()
}
