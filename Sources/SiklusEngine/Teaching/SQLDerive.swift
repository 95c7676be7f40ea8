import SiklusLanguage
import SiklusStore

/// `derive name = <expression>` in SQL: a CTE over `events` adding the column, which `staged` (and so
/// every events CTE) reads instead of `events`. A zero divisor gives NULL (`NULLIF`), as in Siklus.
extension SQLBuilder {
    /// Adds the derive CTEs of `steps` (numbered from 2, after the source) before the source is translated,
    /// so the scope's events carry the columns.
    mutating func derives(_ steps: [StepNode]) throws(NoSQLEquivalent) {
        for (index, step) in steps.enumerated() {
            guard case .derive(let spec) = step.kind else { continue }
            if spec.name.lowercased == "amount" {
                throw NoSQLEquivalent("derive amount (every money formula would read the derived amount instead of the file's column)")
            }
            let number = index + 2
            let expression = try sql(spec.expression)
            derivedEvents = query.add("derive_\(number)", "\(number). \(PipelineText.step(step.kind)): the column on every event row "
                                          + "(NULL where an operand is NULL or a divisor is 0)",
                                      "SELECT *, \(expression) AS \(SQLText.identifier(spec.name.text))\nFROM \(derivedEvents ?? "events")")
        }
    }

    private func sql(_ node: ArithmeticNode) throws(NoSQLEquivalent) -> String {
        switch node.kind {
        case .number(let value):
            return value == value.rounded() && abs(value) < 1e15 ? "\(Int64(value)).0" : "\(value)"
        case .column(let name):
            guard let attribute = try? Attribute.resolve(name, in: context.store, preferEvents: true) else {
                throw NoSQLEquivalent("derive over \(name.text)")
            }
            guard !attribute.isCustomerLevel else { throw NoSQLEquivalent("derive over the customer column \(name.text)") }
            return try names.column(attribute, inEvents: true)
        case .negate(let operand):
            return "-(\(try sql(operand)))"
        case .binary(let left, let op, let right):
            let (l, r) = (try sql(left), try sql(right))
            return op == .divide ? "(\(l) / NULLIF(\(r), 0))" : "(\(l) \(op.rawValue) \(r))"
        }
    }
}
