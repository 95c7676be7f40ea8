import SiklusLanguage
import SiklusStore

/// A grouping column of the result in SQL, mirroring `Dimension`: its label for a customer (or an
/// event row) and the order Siklus lists its groups in (time chronologically, text alphabetically,
/// numbers by value, stages along the lifecycle; missing values last as `(none)`).
struct SQLDimension {
    enum Kind { case time(PeriodUnit), text, number, stage }

    /// The result column: `month`, `channel`, `cohort`.
    let name: String
    let kind: Kind
    /// True when the label depends only on the customer (read from the customers CTE, alias `p`);
    /// otherwise it is read from the event row (alias `e`).
    let isCustomerLevel: Bool
    /// What it reads, for spend metrics (which group spend rows by time and channel only).
    let attribute: Attribute?
    /// The label of one row, given the table alias it reads from.
    let label: (String) -> String

    /// The column as written in SQL.
    var column: String { SQLText.identifier(name) }

    /// `ORDER BY` terms over the result column, giving Siklus's group order.
    var order: [String] {
        switch kind {
        case .time, .text: ["\(column) = '(none)'", column]
        case .number: ["TRY_CAST(\(column) AS DOUBLE) NULLS LAST"]
        case .stage: ["list_position(\(SQLText.array(Stage.allCases.map(\.name) + ["(other)"])), \(column))"]
        }
    }

    /// The dimension of a `by` name, as `Dimension.bind` reads it.
    static func by(_ name: QualifiedName, _ names: SQLNames) throws(NoSQLEquivalent) -> SQLDimension {
        let context = names.context
        if name.parts.count == 1, let unit = PeriodUnit(rawValue: name.name.lowercased) {
            let ts = names.eventColumn(.ts)
            return SQLDimension(name: unit.rawValue, kind: .time(unit), isCustomerLevel: false, attribute: .ts) { alias in
                names.periods.label(unit, "\(alias).\(ts)")
            }
        }
        if name.parts.count == 1, name.name.lowercased == "stage" { return stage() }
        guard let attribute = try? Attribute.resolve(name, in: context.store, preferEvents: false) else {
            throw NoSQLEquivalent("by \(name.text)")
        }
        return try of(attribute, name: name.name.text, period: context.settings.period, names)
    }

    /// The lifecycle stage of an event row; events in no stage are `(other)`.
    static func stage() -> SQLDimension {
        SQLDimension(name: "stage", kind: .stage, isCustomerLevel: false, attribute: .stage) { "coalesce(\($0).stage, '(other)')" }
    }

    /// A dimension over an attribute; times are bucketed by `period`.
    static func of(_ attribute: Attribute, name: String, period: PeriodUnit, _ names: SQLNames) throws(NoSQLEquivalent) -> SQLDimension {
        let column = try names.column(attribute, inEvents: !attribute.isCustomerLevel)
        let customerLevel = attribute.isCustomerLevel
        switch attribute.kind(in: names.context.store) {
        case .stage:
            return stage()
        case .time:
            return SQLDimension(name: name, kind: .time(period), isCustomerLevel: customerLevel, attribute: attribute) { alias in
                "coalesce(\(names.periods.label(period, "\(alias).\(column)")), '(none)')"
            }
        case .code, .customerCode:
            return SQLDimension(name: name, kind: .text, isCustomerLevel: customerLevel, attribute: attribute) { alias in
                "coalesce(\(alias).\(column), '(none)')"
            }
        case .number:
            // Labels as Siklus prints them: whole numbers without a fraction.
            return SQLDimension(name: name, kind: .number, isCustomerLevel: customerLevel, attribute: attribute) { alias in
                let x = "\(alias).\(column)"
                return "coalesce(CASE WHEN \(x) = round(\(x)) AND abs(\(x)) < 1e15 THEN CAST(CAST(\(x) AS BIGINT) AS VARCHAR) ELSE CAST(\(x) AS VARCHAR) END, '(none)')"
            }
        }
    }

    /// This dimension with its label already computed in a column of the customers CTE (the cohort).
    func precomputed(as column: String) -> SQLDimension {
        SQLDimension(name: name, kind: kind, isCustomerLevel: true, attribute: attribute) { "\($0).\(column)" }
    }
}
