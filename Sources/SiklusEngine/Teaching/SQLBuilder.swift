/// The state of one pipeline's translation to SQL: the CTEs so far and the names of the CTEs that
/// hold the current scope.
///
/// The scope is two CTEs, as in `Scope`: a customers CTE (one `people` row per in-scope customer)
/// and an events CTE (the in-scope event rows, with the customer's `people` columns alongside). An
/// events CTE may still hold rows of customers dropped by a later customer filter, so every use
/// joins it to the customers CTE.
struct SQLBuilder {
    let names: SQLNames
    var query = SQLQuery()
    /// CTE names of the current scope.
    var customers = ""
    var events = ""
    /// The cohort grouping of a `cohort by …` source, as a `cohort` column of the customers CTEs.
    var cohort: SQLDimension?
    /// The last `derive` CTE (events with the derived columns), read by `staged`; nil without `derive`.
    var derivedEvents: String?
    /// True once a `where` step was translated (spend metrics do not translate its effect on spend rows).
    var filtered = false

    init(names: SQLNames) {
        self.names = names
    }

    var context: EvalContext { names.context }

    /// The join of an events CTE (alias `e`) to the current customers (alias `p`).
    func joinEvents(_ kind: String = "JOIN") -> String {
        "\(kind) \(events) AS e ON e.\(names.eventCustomer) = p.customer_id"
    }
}

/// A translated output step: the `SELECT` producing the result table (without `ORDER BY`), its
/// columns, and the order Siklus lists its rows in.
struct SQLResult {
    /// `SELECT … FROM …`.
    var select: String
    /// Result columns in order (helper columns included).
    var columns: [String]
    /// `ORDER BY` terms giving Siklus's row order.
    var order: [String]
    /// Helper columns used for ordering only, left out of the final result.
    var hidden: [String] = []
    /// The column `top N` ranks by (Siklus: the last numeric column).
    var measure: String?
}
