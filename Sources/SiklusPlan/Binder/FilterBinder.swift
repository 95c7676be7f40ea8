import SiklusLanguage

/// Binds `where` conditions and cohort filters to `RowFilter`s: names resolved against the catalog, each
/// value checked against its attribute's kind. Every mistake is a located `Diagnostic`.
public struct FilterBinder: Sendable {
    public let catalog: Catalog

    /// A binder over `catalog`.
    public init(catalog: Catalog) { self.catalog = catalog }

    /// Binds a condition. `preferEvents` decides what a bare `channel` means (see `Attribute.resolve`).
    public func bind(_ node: ExpressionNode, preferEvents: Bool) throws(Diagnostic) -> RowFilter {
        switch node.kind {
        case .and(let a, let b):
            return .and(try bind(a, preferEvents: preferEvents), try bind(b, preferEvents: preferEvents))
        case .or(let a, let b):
            return .or(try bind(a, preferEvents: preferEvents), try bind(b, preferEvents: preferEvents))
        case .not(let a):
            return .not(try bind(a, preferEvents: preferEvents))
        case .comparison(var left, var op, var right):
            // A constant may stand on the left (`100 < amount`): mirror the comparison.
            if Self.isConstant(left), !Self.isConstant(right) {
                (left, right) = (right, left)
                op = op.mirrored
            }
            let attribute = try column(left, preferEvents: preferEvents)
            if let other = try columnOperand(right, preferEvents: preferEvents) {
                try checkComparable(attribute, op, other, span: right.span)
                return .compareAttributes(attribute, op, other, span: right.span)
            }
            return .compare(attribute, op, try value(right, comparedWith: attribute, op), span: right.span)
        case .membership(let value, let negated, let values):
            let attribute = try column(value, preferEvents: preferEvents)
            let bound = try values.map { v throws(Diagnostic) in try self.value(v, comparedWith: attribute, .equal) }
            return .member(attribute, bound, negated: negated, span: node.span)
        case .column, .literal, .range:
            throw Diagnostic(MessageCatalog.text("bind.filter.condition"), at: node.span)
        }
    }

    /// The attribute a comparison's column side names; words that are not columns get their own message.
    public func column(_ node: ExpressionNode, preferEvents: Bool) throws(Diagnostic) -> Attribute {
        let name: QualifiedName
        switch node.kind {
        case .column(let written): name = written
        // A bare word that moved to the left when a constant was mirrored (`100 < amount`).
        case .literal(.name(let word)): name = QualifiedName([Identifier(word, at: node.span)])
        default: throw Diagnostic(MessageCatalog.text("bind.filter.column_side"), at: node.span)
        }
        if name.parts.count == 1 {
            let word = name.name.lowercased
            if word == "stage" { throw Diagnostic(MessageCatalog.text("bind.filter.stage"), at: node.span) }
            if let unit = PeriodUnit(rawValue: word) {
                throw Diagnostic(MessageCatalog.text("bind.filter.period", ["word": word]), at: node.span,
                                 hints: [MessageCatalog.text("bind.filter.period_hint", ["unit": unit.rawValue])])
            }
            if word == "cohort" {
                throw Diagnostic(MessageCatalog.text("bind.filter.cohort"), at: node.span, hints: [MessageCatalog.text("bind.filter.cohort_hint")])
            }
        }
        return try Attribute.resolve(name, in: catalog, preferEvents: preferEvents)
    }

    /// True for a literal other than a bare word, and for ranges: values that cannot name a column.
    public static func isConstant(_ node: ExpressionNode) -> Bool {
        switch node.kind {
        case .literal(.name), .column: false
        case .literal, .range: true
        default: false
        }
    }

    /// The column a right-hand operand names, or nil for a value. Only a dotted name is a column there
    /// (`channel = customers.channel`): a bare word is text, so `country = ID` never means the `id` column.
    public func columnOperand(_ node: ExpressionNode, preferEvents: Bool) throws(Diagnostic) -> Attribute? {
        guard case .column(let name) = node.kind, name.parts.count > 1 else { return nil }
        return try Attribute.resolve(name, in: catalog, preferEvents: preferEvents)
    }

    /// The typed value of `attribute op node`, checking that it suits the attribute.
    public func value(_ node: ExpressionNode, comparedWith attribute: Attribute, _ op: ComparisonOperator) throws(Diagnostic) -> FilterValue {
        let name = attribute.name(in: catalog)
        switch attribute.kind(in: catalog) {
        case .code, .customerCode:
            guard op == .equal || op == .notEqual else {
                throw Diagnostic(MessageCatalog.text("bind.filter.text_operators_in"), at: node.span)
            }
            guard let text = Self.text(of: node) else {
                throw Diagnostic(MessageCatalog.text("bind.filter.text_value"), at: node.span)
            }
            return .text(text)
        case .number:
            guard case .literal(let literal) = node.kind, let number = Self.number(literal) else {
                throw Diagnostic(MessageCatalog.text("bind.filter.number", ["name": name]), at: node.span)
            }
            return .number(number)
        case .time:
            switch node.kind {
            case .literal(.date(let date)): return .time(TimeRange.of(date))
            case .range(let lower, let upper):
                guard case .date(let a) = lower.literal, case .date(let b) = upper.literal else {
                    throw Diagnostic(MessageCatalog.text("bind.filter.date_range", ["name": name]), at: node.span)
                }
                guard TimeRange.of(a).start <= TimeRange.of(b).start else {
                    throw Diagnostic(MessageCatalog.text("bind.filter.range_order"), at: node.span, hints: [MessageCatalog.text("bind.filter.range_order_hint")])
                }
                return .time(TimeRange.between(a, b))
            default:
                throw Diagnostic(MessageCatalog.text("bind.filter.date", ["name": name]), at: node.span, hints: [MessageCatalog.text("bind.filter.date_hint")])
            }
        case .stage:
            throw Diagnostic(MessageCatalog.text("bind.filter.stage_compared"), at: node.span)
        }
    }

    /// `column op column`: both sides must hold the same kind of value.
    public func checkComparable(_ left: Attribute, _ op: ComparisonOperator, _ right: Attribute, span: SourceSpan) throws(Diagnostic) {
        switch (left.kind(in: catalog), right.kind(in: catalog)) {
        case (.code, .code), (.customerCode, .customerCode):
            guard op == .equal || op == .notEqual else { throw Diagnostic(MessageCatalog.text("bind.filter.text_operators"), at: span) }
        case (.number, .number), (.time, .time):
            break
        default:
            throw Diagnostic(MessageCatalog.text("bind.filter.kinds", ["left": left.name(in: catalog), "right": right.name(in: catalog)]), at: span)
        }
    }

    /// The text a literal stands for in a comparison with a text column: a name or string as decoded,
    /// anything else (`00017`, `1.785e4`) exactly as written, never its re-printed value (`17`, `17850.0`).
    public static func text(of node: ExpressionNode) -> String? {
        guard case .literal(let literal) = node.kind else { return nil }
        switch literal {
        case .name(let s), .string(let s): return s
        case .integer, .number, .date, .duration: return node.sourceText ?? literal.description
        }
    }

    /// The number a numeric literal stands for.
    public static func number(_ literal: Literal) -> Double? {
        switch literal {
        case .integer(let v): Double(v)
        case .number(let v): v
        default: nil
        }
    }
}

extension ComparisonOperator {
    /// The operator with its sides swapped: `a < b` is `b > a`.
    public var mirrored: ComparisonOperator {
        switch self {
        case .equal, .notEqual: self
        case .less: .greater
        case .lessEqual: .greaterEqual
        case .greater: .less
        case .greaterEqual: .lessEqual
        }
    }
}
