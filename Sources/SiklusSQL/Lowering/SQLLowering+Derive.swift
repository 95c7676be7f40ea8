import SiklusLanguage
import SiklusPlan

/// `derive name = <expression>`: computed event columns, added to `event_rows` so every later CTE reads
/// them like loaded columns (`derive amount` replaces the amount every money metric reads). Each
/// expression is inlined in terms of the loaded columns, so one `SELECT` computes them all. A division by
/// zero gives NULL, as in Siklus (`nullif`); NULL operands give NULL.
extension SQLLoweringState {
    /// The derived columns' SQL over the source table (alias `t`): extras by catalog index, and the amount.
    func derivedColumns(sourceAmount: SQLExpression) throws(SQLNotExpressible) -> (columns: [Int: SQLExpression], amount: SQLExpression) {
        var columns: [Int: SQLExpression] = [:]
        var amount = sourceAmount
        var next = loadedEventColumns
        for derive in query.derives {
            let value = try expression(derive.expression, columns: columns, amount: amount)
            if derive.replacesAmount {
                amount = value
            } else {
                columns[next] = value
                next += 1
            }
        }
        return (columns, amount)
    }

    private func expression(_ e: DeriveExpression, columns: [Int: SQLExpression], amount: SQLExpression) throws(SQLNotExpressible) -> SQLExpression {
        switch e {
        case .constant(let v):
            return v == v.rounded() && abs(v) < 1e15 ? .cast(.integer(Int64(v)), .double) : .number(v)
        case .column(let attribute):
            switch attribute {
            case .amount: return amount
            case .eventExtra(let i):
                if let derived = columns[i] { return derived }
                return .cast(.column(catalog.events.columns[i].name, table: "t"), .double)
            case .customerColumn(let i):
                // Joined to the source by `joinCustomerColumnsForDerive`.
                return .column(Self.deriveCustomerColumn(i), table: "t")
            default:
                throw SQLNotExpressible("derive over \(attribute.name(in: catalog)) (only event numbers are lowered)")
            }
        case .negate(let operand):
            return .unary(.negate, try expression(operand, columns: columns, amount: amount))
        case .binary(let left, let op, let right):
            let l = try expression(left, columns: columns, amount: amount), r = try expression(right, columns: columns, amount: amount)
            switch op {
            case .add: return .binary(l, .plus, r)
            case .subtract: return .binary(l, .minus, r)
            case .multiply: return .binary(l, .times, r)
            case .divide: return .safeDivide(l, r)
            }
        }
    }
}
