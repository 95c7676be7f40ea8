import SiklusStore

/// The CTEs every lifecycle question builds on, added once and only when a query needs them:
/// `staged` (each event's stage), `people` (each customer's derived facts, like `CustomerFacts`) and
/// `lifecycle` (each customer's state as of `as_of`, like `LifecycleState`).
extension SQLBuilder {
    /// `staged`: every event with `purchase_no` (the customer's n-th purchase, by time) and `stage`.
    mutating func staged() -> String {
        if let name = query.shared("staged") { return name }
        let map = context.stageMap
        let event = names.eventColumn(.event), customer = names.eventCustomer, ts = names.eventColumn(.ts)
        var cases = ["WHEN purchase_no = 1 THEN 'purchase'"]
        let engagement = map.events[.retention] ?? []
        cases.append("WHEN purchase_no > 1" + (engagement.isEmpty ? "" : " OR " + SQLText.isIn(event, engagement)) + " THEN 'retention'")
        for stage in [Stage.awareness, .education, .consideration, .advocacy, .churn] {
            guard let events = map.events[stage], !events.isEmpty else { continue }
            cases.append("WHEN \(SQLText.isIn(event, events)) THEN '\(stage.name)'")
        }
        let purchase = names.isPurchase(nil)
        return query.add("staged", """
            every event with its lifecycle stage: purchase_no numbers each customer's purchases by time, so the
            first purchase is stage purchase and later ones are retention (Siklus breaks ties in ts by file order)
            """, """
            SELECT *,
              CASE
            \(cases.map { "    " + $0 }.joined(separator: "\n"))
              END AS stage
            FROM (
              SELECT *,
                CASE WHEN \(purchase)
                  THEN row_number() OVER (PARTITION BY \(customer), \(purchase) ORDER BY \(ts)) END AS purchase_no
              FROM \(derivedEvents ?? "events")
            )
            """, shared: true)
    }

    /// `people`: every customer of either file with signup (the customers file's, else the first
    /// event), first event, first purchase, acquisition channel and the customers file's other columns.
    mutating func people() -> String {
        if let name = query.shared("people") { return name }
        let schema = names.schema
        let customer = names.eventCustomer, ts = names.eventColumn(.ts), channel = names.eventColumn(.channel)
        let firstChannel = channel == "NULL" ? "CAST(NULL AS VARCHAR)" : "arg_min(\(channel), \(ts)) FILTER (WHERE \(channel) IS NOT NULL)"
        let facts = """
            SELECT \(customer == "customer_id" ? customer : "\(customer) AS customer_id"),
              min(\(ts)) AS first_event,
              min(\(ts)) FILTER (WHERE \(names.isPurchase(nil))) AS first_purchase,
              \(firstChannel) AS first_channel
            FROM events
            GROUP BY \(customer)
            """
        guard schema.hasCustomers, let id = schema.customers(.customer) else {
            return query.add("people", "every customer with signup (their first event: no customers file), first event, first purchase and acquisition channel", """
                SELECT customer_id, first_event AS signup, first_event, first_purchase, first_channel AS acquisition_channel
                FROM (
                \(SQLText.indent(facts, 2))
                )
                """, shared: true)
        }
        let signup = schema.customers(.signup).map { "coalesce(CAST(c.\($0) AS TIMESTAMP), f.first_event)" } ?? "f.first_event"
        let acquisition = schema.customers(.channel).map { "coalesce(c.\($0), f.first_channel)" } ?? "f.first_channel"
        var columns = ["ids.customer_id", "\(signup) AS signup", "f.first_event", "f.first_purchase", "\(acquisition) AS acquisition_channel"]
        for (i, column) in context.store.customers.columns.enumerated() {
            guard let alias = schema.personColumns[i] else { continue }
            let source = "c." + SQLText.identifier(column.name)
            columns.append(alias == column.name ? source : "\(source) AS \(SQLText.identifier(alias))")
        }
        return query.add("people", """
            every customer of either file: signup (the customers file's, else the first event), first event,
            first purchase, acquisition channel (the customers file's, else the first event's with one)
            """, """
            SELECT \(columns.joined(separator: ",\n  "))
            FROM (SELECT \(id == "customer_id" ? id : "\(id) AS customer_id") FROM customers UNION SELECT \(customer) FROM events) AS ids
            LEFT JOIN customers AS c ON c.\(id) = ids.customer_id
            LEFT JOIN (
            \(SQLText.indent(facts, 2))
            ) AS f ON f.customer_id = ids.customer_id
            """, shared: true)
    }

    /// `lifecycle`: per customer with an event up to as_of, whether they are churned, whether they
    /// had bought, and the furthest journey stage reached.
    mutating func lifecycle() -> String {
        if let name = query.shared("lifecycle") { return name }
        let staged = staged()
        let ts = names.eventColumn(.ts)
        let journey = SQLText.array(Stage.journey.map(\.name))
        let settings = context.settings
        let churnAfter = SQLText.interval(seconds: settings.churnAfter)
        return query.add("lifecycle", """
            each customer's state as of \(CivilTime.formatDateTime(context.asOf)) (as_of), from their events up to then: churned when the latest
            event is a churn event, or when they bought and then showed no other event for churn_after (\(churnAfter))
            """, """
            SELECT \(names.eventCustomer == "customer_id" ? "customer_id" : "\(names.eventCustomer) AS customer_id"),
              coalesce(last_churn_event >= last_activity, last_churn_event IS NOT NULL)
                OR (first_purchase IS NOT NULL AND last_activity < \(names.asOf) - \(churnAfter)) AS churned,
              first_purchase IS NOT NULL AS bought,
              furthest_stage
            FROM (
              SELECT \(names.eventCustomer),
                max(\(ts)) FILTER (WHERE stage = 'churn') AS last_churn_event,
                max(\(ts)) FILTER (WHERE stage IS DISTINCT FROM 'churn') AS last_activity,
                min(\(ts)) FILTER (WHERE purchase_no = 1) AS first_purchase,
                \(journey)[max(list_position(\(journey), stage))] AS furthest_stage
              FROM \(staged)
              WHERE \(ts) <= \(names.asOf)
              GROUP BY \(names.eventCustomer)
            )
            """, shared: true)
    }

    /// A customer's current stage (churn, else the furthest stage reached), from `lifecycle` as `l`.
    var currentStage: String { "CASE WHEN l.churned THEN 'churn' ELSE l.furthest_stage END" }
}
