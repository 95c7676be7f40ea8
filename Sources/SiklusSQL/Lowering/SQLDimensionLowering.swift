import SiklusLanguage
import SiklusPlan

/// A grouping column of the result, as the in-memory `Dimension`: its label for a customer or event
/// row, and the order Siklus lists its groups in (time chronologically, text byte-wise, numbers by value,
/// stages along the lifecycle; missing values last as `(none)`).
struct SQLDimensionLowering {
    enum Kind: Equatable {
        case time, text, number, stage
        /// Labels listed in a fixed order (rfm's segments and scores).
        case listed([String])
    }

    /// The result column: `month`, `channel`, `cohort`.
    let name: String
    let kind: Kind
    /// True when the label depends only on the customer (read from alias `p`), else on the event row (`e`).
    let isCustomerLevel: Bool
    /// The label of a row read through `alias`.
    let label: @Sendable (String) -> SQLExpression
    /// True for the cohort (`cohort by …`), read from the customers CTE.
    var isCohort = false
    /// What it reads (`ts` for event time; nil for stage), and its period for times: spend metrics group
    /// spend rows by event time and channels only.
    var attribute: Attribute? = nil
    var period: SQLPeriod? = nil

    /// `ORDER BY` terms over the result column.
    var order: [SQLOrderTerm] {
        let column = SQLExpression.column(name)
        switch kind {
        case .time, .text:
            return [SQLOrderTerm(.equal(column, .text("(none)"))), SQLOrderTerm(column, isText: true)]
        case .number:
            // Labels are the shortest text of a double, so they cast back exactly.
            let value = SQLExpression.caseWhen([SQLWhen(.equal(column, .text("(none)")), .null)], else: .cast(column, .double))
            return [SQLOrderTerm(value)]
        case .stage:
            let arms = (Stage.allCases.map(\.name) + ["(other)"]).enumerated().map {
                SQLWhen(.equal(column, .text($0.element)), .integer(Int64($0.offset + 1)))
            }
            return [SQLOrderTerm(.caseWhen(arms, else: .null))]
        case .listed(let labels):
            let arms = labels.enumerated().map { SQLWhen(.equal(column, .text($0.element)), .integer(Int64($0.offset + 1))) }
            return [SQLOrderTerm(.caseWhen(arms, else: .null))]
        }
    }

    /// This dimension read from a column of the customers CTE (the cohort).
    func precomputed(as column: String) -> SQLDimensionLowering {
        SQLDimensionLowering(name: name, kind: kind, isCustomerLevel: true, label: { .column(column, table: $0) }, isCohort: true,
                             attribute: attribute, period: period)
    }
}

extension SQLLoweringState {
    /// The lowering of a bound dimension.
    func dimension(_ spec: DimensionSpec) throws(SQLNotExpressible) -> SQLDimensionLowering {
        switch spec.kind {
        case .eventTime(let unit):
            let period = self.period(unit)
            return SQLDimensionLowering(name: spec.name, kind: .time, isCustomerLevel: false, label: { alias in
                .library(.periodLabel(period), [.column("ts", table: alias)])
            }, attribute: .ts, period: period)
        case .stage:
            return Self.stageDimension(spec.name)
        case .orderNumber:
            return Self.orderNumberDimension(spec.name)
        case .attribute(let attribute, let unit):
            if attribute == .stage { return Self.stageDimension(spec.name) }
            let customerLevel = attribute.isCustomerLevel
            let column = try self.column(attribute, inEvents: !customerLevel)
            guard case .column(let columnName, _) = column else { preconditionFailure("columns are columns") }
            let none = SQLExpression.text("(none)")
            switch attribute.kind(in: catalog) {
            case .time:
                let period = self.period(unit ?? query.settings.period)
                return SQLDimensionLowering(name: spec.name, kind: .time, isCustomerLevel: customerLevel, label: { alias in
                    .coalesce(.library(.periodLabel(period), [.column(columnName, table: alias)]), none)
                }, attribute: attribute, period: period)
            case .code, .customerCode:
                return SQLDimensionLowering(name: spec.name, kind: .text, isCustomerLevel: customerLevel, label: { alias in
                    .coalesce(.cast(.column(columnName, table: alias), .text), none)
                }, attribute: attribute)
            case .number:
                return SQLDimensionLowering(name: spec.name, kind: .number, isCustomerLevel: customerLevel, label: { alias in
                    .coalesce(.library(.numberLabel, [.column(columnName, table: alias)]), none)
                }, attribute: attribute)
            case .stage:
                return Self.stageDimension(spec.name)
            }
        }
    }

    /// `by order_number`: the purchase row's number among the customer's purchases (`purchase_no`, over their
    /// whole history by time then file order); other rows `(none)`. Ordered by value, as `Dimension`'s labels.
    static func orderNumberDimension(_ name: String) -> SQLDimensionLowering {
        SQLDimensionLowering(name: name, kind: .number, isCustomerLevel: false) { .coalesce(.cast(.column("purchase_no", table: $0), .text), .text("(none)")) }
    }

    /// The lifecycle stage of an event row; events in no stage are `(other)`.
    static func stageDimension(_ name: String) -> SQLDimensionLowering {
        SQLDimensionLowering(name: name, kind: .stage, isCustomerLevel: false) { .coalesce(.column("stage", table: $0), .text("(other)")) }
    }
}
