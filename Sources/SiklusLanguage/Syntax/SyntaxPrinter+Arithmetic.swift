extension SyntaxPrinter {
    /// One-line text of a `derive` expression, with the parentheses its meaning needs and no others:
    /// `(a + b) * 2`, `a - (b - c)`.
    public static func inline(_ expression: ArithmeticNode) -> String {
        switch expression.kind {
        case .number(let value): return numberText(value)
        case .column(let name): return name.text
        case .negate(let operand):
            if case .binary = operand.kind { return "-(\(inline(operand)))" }
            return "-" + inline(operand)
        case .binary(let left, let op, let right):
            return operand(left, under: op, isRight: false) + " \(op) " + operand(right, under: op, isRight: true)
        }
    }

    /// An operand of `op`, parenthesized when it binds looser (or, on the right, as loosely: operators
    /// are left-associative).
    private static func operand(_ node: ArithmeticNode, under op: ArithmeticOperator, isRight: Bool) -> String {
        guard case .binary(_, let inner, _) = node.kind else { return inline(node) }
        let looser = op.isMultiplicative && !inner.isMultiplicative
        let sameLevel = op.isMultiplicative == inner.isMultiplicative
        return looser || (isRight && sameLevel) ? "(\(inline(node)))" : inline(node)
    }

    /// A literal as written for the usual cases: whole numbers without `.0`.
    private static func numberText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
