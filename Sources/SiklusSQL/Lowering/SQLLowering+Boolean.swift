import SiklusLanguage
import SiklusPlan

/// Boolean columns of bound engine tables. The catalog reads them as text (`true` / `false`, what the
/// same data loaded from a file holds in memory), but comparing a boolean with a text literal lets the
/// engine parse the text as a boolean: PostgreSQL reads `'yes'`, `'on'`, `'1'` and `'t'` as true, so
/// `where vip = yes` matched the VIP rows on the engine and none in memory. Comparisons with a boolean
/// column are therefore lowered as booleans: `= true` / `= false` (exactly those words, as memory
/// compares text byte-wise) become `x = TRUE` / `x = FALSE`; any other word matches no row (`!=` it:
/// every row with a value); ordering comparisons and comparisons with another column read the column's
/// text (`CAST(x AS text)`, `true` / `false` in every dialect).
extension SQLLoweringState {
    /// True when `attribute` is a column the engine holds as a boolean.
    func isBoolean(_ attribute: Attribute) -> Bool {
        switch attribute {
        case .customerColumn(let i): tables.customerBooleans.contains(catalog.customers.columns[i].name)
        case .eventExtra(let i): i < loadedEventColumns && tables.eventBooleans.contains(catalog.events.columns[i].name)
        default: false
        }
    }

    /// The column of `attribute`, as text when the engine holds it as a boolean.
    func asText(_ attribute: Attribute, inEvents: Bool) throws(SQLNotExpressible) -> SQLExpression {
        let x = try column(attribute, inEvents: inEvents)
        return isBoolean(attribute) ? .cast(x, .text) : x
    }

    /// `x op value` for a boolean column `x`, with memory's meaning (a missing value matches nothing).
    func booleanCompare(_ x: SQLExpression, _ op: ComparisonOperator, _ value: FilterValue) -> SQLExpression {
        let word: Bool? = if case .text(let text) = value { text == "true" ? true : text == "false" ? false : nil } else { nil }
        switch (op, word) {
        case (.equal, let b?): return .equal(x, .boolean(b))
        case (.notEqual, let b?): return .binary(x, .notEqual, .boolean(b))
        case (.equal, nil): return .boolean(false)
        case (.notEqual, nil): return .isNull(x, negated: true)
        default:
            let literal: SQLExpression = switch value {
            case .text(let text): .text(text)
            case .number(let n): .text(n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n))
            case .time: .null
            }
            return .binary(.cast(x, .text), Self.binary(op), literal)
        }
    }

    /// `x [not] in (values)` for a boolean column `x`: any of the equalities; `not in` needs a value.
    func booleanMember(_ x: SQLExpression, _ values: [FilterValue], negated: Bool) -> SQLExpression {
        let any = SQLExpression.or(values.map { booleanCompare(x, .equal, $0) })
        return negated ? .binary(.isNull(x, negated: true), .and, .unary(.not, any)) : any
    }
}
