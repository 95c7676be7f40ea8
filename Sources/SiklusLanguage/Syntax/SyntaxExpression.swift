/// A condition or operand in a `where` step or a `cohort` filter, with its span.
public struct ExpressionNode: Hashable, Sendable {
    /// What the expression is.
    public var kind: ExpressionKind
    /// From its first token to its last (parentheses included when it was parenthesized).
    public var span: SourceSpan
    /// For a literal: its text exactly as written (`00017`, `1.785e4`, `-5`), which the value alone
    /// loses. Text columns (customer ids above all) compare with this, so `customer = 00017` never
    /// matches customer `17`.
    public var sourceText: String?

    /// `kind` written at `span`; `sourceText` is a literal's text as written.
    public init(_ kind: ExpressionKind, at span: SourceSpan, sourceText: String? = nil) {
        self.kind = kind
        self.span = span
        self.sourceText = sourceText
    }

    /// Equal kinds at equal spans: the source text is what the span covers, so it is left out.
    public static func == (a: ExpressionNode, b: ExpressionNode) -> Bool { a.kind == b.kind && a.span == b.span }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(span)
    }
}

/// A `where` condition or one of its operands.
///
/// Conditions are `.comparison`, `.membership`, `.not`, `.and` and `.or`; operands are `.column`,
/// `.literal` and `.range`. The parser guarantees that shape: the operands of a comparison or
/// membership are never conditions, and the operands of `and`/`or`/`not` are always conditions.
///
/// Names: a name on the *left* of a comparison is a `.column`; a bare single word on the *right*
/// (or in an `in` list) is `.literal(.name)`, which the engine resolves as a column if one exists and as
/// text otherwise; a dotted name is always a `.column`, on either side.
///
/// (Named `ExpressionKind` rather than `Expression` so it never clashes with `Foundation.Expression`.)
public indirect enum ExpressionKind: Hashable, Sendable {
    /// A column reference: `amount`, `customers.channel`.
    case column(QualifiedName)
    /// A constant (including `.name` for bare words in value position).
    case literal(Literal)
    /// An inclusive range of constants, `2022-09..2022-12` or `1..5`, used as the right side of
    /// `=`/`!=` (membership in the range) or as an item of an `in` list.
    case range(lower: LiteralNode, upper: LiteralNode)
    /// `left op right`, e.g. `amount >= 100`, `signup = 2022-09`.
    case comparison(left: ExpressionNode, op: ComparisonOperator, right: ExpressionNode)
    /// `value in (a, b)`, or `value not in (a, b)` when `negated`. `values` is never empty.
    case membership(value: ExpressionNode, negated: Bool, values: [ExpressionNode])
    /// `not condition`.
    case not(ExpressionNode)
    /// `left and right`.
    case and(ExpressionNode, ExpressionNode)
    /// `left or right`.
    case or(ExpressionNode, ExpressionNode)
}

/// A comparison operator.
public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// `=` (also `==`).
    case equal = "="
    /// `!=` (also `<>`).
    case notEqual = "!="
    /// `<`
    case less = "<"
    /// `<=`
    case lessEqual = "<="
    /// `>`
    case greater = ">"
    /// `>=`
    case greaterEqual = ">="

    /// The operator a comparison token stands for; nil for other tokens.
    public init?(_ kind: TokenKind) {
        switch kind {
        case .equal: self = .equal
        case .notEqual: self = .notEqual
        case .less: self = .less
        case .lessEqual: self = .lessEqual
        case .greater: self = .greater
        case .greaterEqual: self = .greaterEqual
        default: return nil
        }
    }

    /// The canonical symbol.
    public var description: String { rawValue }
}
