/// What a binder may know about the data without reading it: which tables exist, their columns with names,
/// kinds and roles, whether events carry an order column and an amount, the stage map, the settings and,
/// when the backend can list them cheaply, the event names.
///
/// The in-memory engine builds one from its store (`Catalog(store:…)` in SiklusEngine); a SQL backend builds
/// one from an engine table's columns. Binding never needs more than this, so the same `LogicalQuery` can
/// run on either.
public struct Catalog: Sendable, Equatable {
    /// How values of a column compare and print.
    public enum ValueKind: String, Sendable, Equatable {
        /// Text (compared with `=`/`!=` or `in`, byte-wise).
        case text
        /// A whole or decimal number.
        case number
        /// A date or date-time, as Unix seconds (UTC).
        case time
    }

    /// One column of a table.
    public struct Column: Sendable, Equatable {
        /// The column's name as loaded (the file's header or `columns=(…)`).
        public var name: String
        /// What its values are.
        public var kind: ValueKind
        /// The role it plays (`order`, `signup`, `country`, …; the raw value of the store's `ColumnRole`), or nil.
        public var role: String?

        /// A column named `name` holding `kind` values, with an optional role.
        public init(name: String, kind: ValueKind, role: String? = nil) {
            self.name = name
            self.kind = kind
            self.role = role
        }
    }

    /// One table: whether it holds rows, and its columns (indices are what `Attribute` refers to).
    public struct Table: Sendable, Equatable {
        /// True when the table has at least one row.
        public var isLoaded: Bool
        /// The columns, in order. For `events`: only the columns beyond the five every events table has
        /// (customer, ts, event, amount, channel), i.e. side columns, line-item columns and derived columns.
        public var columns: [Column]

        /// A table with these columns.
        public init(isLoaded: Bool = false, columns: [Column] = []) {
            self.isLoaded = isLoaded
            self.columns = columns
        }

        /// The index of the column whose name equals `name` ignoring case.
        public func index(named name: String) -> Int? {
            let lower = name.lowercased()
            return columns.firstIndex { $0.name.lowercased() == lower }
        }

        /// The index of the column with `role`.
        public func index(ofRole role: String) -> Int? { columns.firstIndex { $0.role == role } }
    }

    /// Events: the fixed columns customer, ts, event, amount, channel, and `columns` beyond them.
    public var events: Table
    /// Customers: one row per customer id (signup, channel, country and side columns).
    public var customers: Table
    /// Spend per day and channel (date, channel, spend, impressions, clicks).
    public var spend: Table
    /// The events column holding order ids (line items), or nil: then each purchase row is an order.
    public var orderColumn: String?
    /// Nil when some event has an amount; else why not, for the hints of the "needs the amount role" error
    /// (the `map amount=` fix naming the loaded file and candidate columns). Money metrics are refused then.
    public var missingAmount: MissingAmountHint?
    /// Which event names belong to which stage.
    public var stageMap: StageMap
    /// `set` options (period, week start, churn window, as_of).
    public var settings: SessionSettings
    /// Distinct event names in the data, sorted byte-wise, for "did you mean"; nil when unknown (a SQL
    /// engine's catalog need not list them): then any event name is accepted.
    public var eventNames: [String]?

    /// A catalog; every table empty unless given.
    public init(events: Table = Table(), customers: Table = Table(), spend: Table = Table(), orderColumn: String? = nil,
                missingAmount: MissingAmountHint? = nil, stageMap: StageMap = StageMap(), settings: SessionSettings = SessionSettings(),
                eventNames: [String]? = nil) {
        self.events = events
        self.customers = customers
        self.spend = spend
        self.orderColumn = orderColumn
        self.missingAmount = missingAmount
        self.stageMap = stageMap
        self.settings = settings
        self.eventNames = eventNames
    }

    /// True when events have an amount (money metrics can be computed).
    public var hasAmount: Bool { missingAmount == nil }

    /// Whether `name` is an event of the data; with unknown event names, any name is.
    public func isEventName(_ name: String) -> Bool { eventNames?.contains(name) ?? true }
}
