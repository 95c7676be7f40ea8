/// An arithmetic expression of a `derive` step (`Quantity * UnitPrice`, `(amount - cost) / amount`),
/// with its span.
public struct ArithmeticNode: Hashable, Sendable {
    /// What the expression is.
    public var kind: ArithmeticKind
    /// From its first token to its last (parentheses included when it was parenthesized).
    public var span: SourceSpan

    /// `kind` written at `span`.
    public init(_ kind: ArithmeticKind, at span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// The shapes of a `derive` expression: numbers, column names, negation and the four operations.
public indirect enum ArithmeticKind: Hashable, Sendable {
    /// A numeric literal: `2`, `0.5`, `1e3`.
    case number(Double)
    /// A column reference: `Quantity`, `events.UnitPrice`.
    case column(QualifiedName)
    /// `-operand`.
    case negate(ArithmeticNode)
    /// `left op right`.
    case binary(left: ArithmeticNode, op: ArithmeticOperator, right: ArithmeticNode)
}

/// An arithmetic operator. `*` and `/` bind tighter than `+` and `-`; all are left-associative.
public enum ArithmeticOperator: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"

    /// The operator a token stands for; nil for other tokens.
    public init?(_ kind: TokenKind) {
        switch kind {
        case .plus: self = .add
        case .minus: self = .subtract
        case .star: self = .multiply
        case .slash: self = .divide
        default: return nil
        }
    }

    /// True for `*` and `/`.
    public var isMultiplicative: Bool { self == .multiply || self == .divide }

    /// The symbol.
    public var description: String { rawValue }
}

/// `derive name = expression`: a computed numeric event column.
public struct DeriveSpec: Hashable, Sendable {
    /// The new column's name (`amount` makes it the pipeline's amount).
    public var name: Identifier
    /// How each row's value is computed.
    public var expression: ArithmeticNode

    /// A column `name` computed by `expression`.
    public init(name: Identifier, expression: ArithmeticNode) {
        self.name = name
        self.expression = expression
    }
}
