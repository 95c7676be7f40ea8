import SiklusLanguage

/// `derive name = <expression>`, bound: a numeric event column computed per row before the rest of the
/// pipeline runs. A null operand, a division by zero or a result that is not finite gives null.
public struct DeriveStep: Hashable, Sendable {
    /// The new column's name as written (`amount` replaces the amount every money metric reads).
    public var name: String
    /// The expression, with columns resolved.
    public var expression: DeriveExpression
    /// True for `derive amount = …`.
    public var replacesAmount: Bool
    /// The `derive` step.
    public var span: SourceSpan

    /// A derive of `name`.
    public init(name: String, expression: DeriveExpression, replacesAmount: Bool, span: SourceSpan) {
        self.name = name
        self.expression = expression
        self.replacesAmount = replacesAmount
        self.span = span
    }
}

/// An arithmetic expression over numeric attributes of an event row.
public indirect enum DeriveExpression: Hashable, Sendable {
    /// A number.
    case constant(Double)
    /// A numeric attribute (a customer attribute reads the row's customer).
    case column(Attribute)
    /// `-x`.
    case negate(DeriveExpression)
    /// `a op b`.
    case binary(DeriveExpression, ArithmeticOperator, DeriveExpression)
}
