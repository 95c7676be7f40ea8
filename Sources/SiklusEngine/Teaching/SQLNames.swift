import SiklusStore

/// What the SQL calls each attribute: event attributes by the events file's own header, customer
/// attributes by their column in the `people` CTE (`signup`, `first_purchase`, `acquisition_channel`,
/// and the customers file's other columns).
///
/// The customers CTEs of a query hold `people` rows; the events CTEs hold event rows with the
/// customer's `people` columns alongside, so a `where` can mix both.
struct SQLNames {
    let context: EvalContext
    let schema: SQLSchema
    let periods: SQLPeriods

    init(context: EvalContext, schema: SQLSchema) {
        self.context = context
        self.schema = schema
        periods = SQLPeriods(weekStart: context.settings.weekStart)
    }

    /// The events column playing `role` (`NULL` when the file has none).
    func eventColumn(_ role: ColumnRole) -> String { schema.events(role) }

    /// The events table's customer column.
    var eventCustomer: String { schema.eventCustomer }

    /// The column holding `attribute`, in an events CTE (`inEvents`) or a customers CTE.
    func column(_ attribute: Attribute, inEvents: Bool) throws(NoSQLEquivalent) -> String {
        let name: String
        switch attribute {
        case .customerID: name = inEvents ? eventCustomer : "customer_id"
        case .signup: name = "signup"
        case .firstPurchase: name = "first_purchase"
        case .acquisitionChannel: name = "acquisition_channel"
        case .customerColumn(let i):
            guard let column = schema.personColumns[i] else { throw NoSQLEquivalent("the customers column \(context.store.customers.columns[i].name)") }
            name = SQLText.identifier(column)
        case .event: name = eventColumn(.event)
        case .eventChannel: name = eventColumn(.channel)
        case .amount: name = eventColumn(.amount)
        case .ts: name = eventColumn(.ts)
        case .eventExtra(let i): name = SQLText.identifier(schema.eventExtras[i])
        case .stage: name = "stage"
        }
        guard name != "NULL" else { throw NoSQLEquivalent("a column the events file does not have") }
        guard inEvents || attribute.isCustomerLevel else { throw NoSQLEquivalent("an event column read per customer") }
        return name
    }

    /// The events column for `role` read through `alias` (`e.amount`), or `NULL`.
    func event(_ alias: String, _ role: ColumnRole) -> String {
        let column = eventColumn(role)
        return column == "NULL" ? "NULL" : "\(alias).\(column)"
    }

    /// `event IN ('purchase')`: the row is a purchase event (any of the purchase stage's names).
    func isPurchase(_ alias: String?) -> String {
        let event = alias.map { self.event($0, .event) } ?? eventColumn(.event)
        return SQLText.isIn(event, context.stageMap.purchaseEvents)
    }

    /// `event IN ('email_open', …)`: the row is an engagement event; nil when the retention stage lists none.
    func isEngagement(_ alias: String?) -> String? {
        let names = context.stageMap.events[.retention] ?? []
        guard !names.isEmpty else { return nil }
        let event = alias.map { self.event($0, .event) } ?? eventColumn(.event)
        return SQLText.isIn(event, names)
    }

    /// As of: `TIMESTAMP '2023-12-31 23:59:59'`.
    var asOf: String { SQLText.timestamp(context.asOf) }
}
