import SiklusLanguage
import SiklusStore

/// A compiled `where` condition or cohort filter.
///
/// Customer-level predicates (only customer attributes) are evaluated once per customer; others once
/// per event row. `test(customer, row)` gets row -1 for customer-level evaluation.
struct Predicate: @unchecked Sendable {
    let isCustomerLevel: Bool
    let test: (Int32, Int) -> Bool

    /// Compiles a condition. `preferEvents` decides what a bare `channel` means (see `Attribute.resolve`).
    static func compile(_ node: ExpressionNode, _ context: EvalContext, preferEvents: Bool) throws(Diagnostic) -> Predicate {
        switch node.kind {
        case .and(let a, let b):
            let (l, r) = (try compile(a, context, preferEvents: preferEvents), try compile(b, context, preferEvents: preferEvents))
            return Predicate(isCustomerLevel: l.isCustomerLevel && r.isCustomerLevel) { l.test($0, $1) && r.test($0, $1) }
        case .or(let a, let b):
            let (l, r) = (try compile(a, context, preferEvents: preferEvents), try compile(b, context, preferEvents: preferEvents))
            return Predicate(isCustomerLevel: l.isCustomerLevel && r.isCustomerLevel) { l.test($0, $1) || r.test($0, $1) }
        case .not(let a):
            let inner = try compile(a, context, preferEvents: preferEvents)
            return Predicate(isCustomerLevel: inner.isCustomerLevel) { !inner.test($0, $1) }
        case .comparison(var left, var op, var right):
            // A constant may stand on the left (`100 < amount`): mirror the comparison.
            if isConstant(left), !isConstant(right) {
                (left, right) = (right, left)
                op = op.mirrored
            }
            let attribute = try column(left, context, preferEvents: preferEvents)
            if let other = try columnOperand(right, context, preferEvents: preferEvents) {
                let match = try ValueMatcher.columns(attribute, op, other, context, span: right.span)
                return Predicate(isCustomerLevel: attribute.isCustomerLevel && other.isCustomerLevel, test: match)
            }
            let match = try ValueMatcher.comparison(attribute, op, right, context)
            return Predicate(isCustomerLevel: attribute.isCustomerLevel, test: match)
        case .membership(let value, let negated, let values):
            let attribute = try column(value, context, preferEvents: preferEvents)
            let test = try MembershipTest.compile(attribute, values, context).test(attribute, context)
            // `x not in (a, b)` means `x != a and x != b`: like `!=`, a missing value matches neither.
            let hasValue = ValueMatcher.hasValue(attribute, context)
            return Predicate(isCustomerLevel: attribute.isCustomerLevel, test: negated ? { hasValue($0, $1) && !test($0, $1) } : test)
        case .column, .literal, .range:
            throw Diagnostic("expected a condition such as `channel = social`", at: node.span)
        }
    }

    static func column(_ node: ExpressionNode, _ context: EvalContext, preferEvents: Bool) throws(Diagnostic) -> Attribute {
        let name: QualifiedName
        switch node.kind {
        case .column(let written): name = written
        // A bare word that moved to the left when a constant was mirrored (`100 < amount`).
        case .literal(.name(let word)): name = QualifiedName([Identifier(word, at: node.span)])
        default: throw Diagnostic("expected a column name on one side of the comparison", at: node.span)
        }
        if name.parts.count == 1 {
            let word = name.name.lowercased
            if word == "stage" { throw Diagnostic("`stage` can be grouped by, not filtered; use the step `stage <name>`", at: node.span) }
            if let unit = PeriodUnit(rawValue: word) {
                throw Diagnostic("`\(word)` is a grouping of event times, not a column", at: node.span,
                                 hints: ["to filter on time compare `ts`, e.g. ts = 2022-09; to group write `by \(unit.rawValue)`"])
            }
            if word == "cohort" {
                throw Diagnostic("`cohort` is the group of a `cohort by …` source, not a column", at: node.span,
                                 hints: ["filter customers in the source instead, e.g. cohort signup=2022-09"])
            }
        }
        return try Attribute.resolve(name, in: context.store, preferEvents: preferEvents)
    }

    /// True for a literal other than a bare word, and for ranges: values that cannot name a column.
    static func isConstant(_ node: ExpressionNode) -> Bool {
        switch node.kind {
        case .literal(.name), .column: false
        case .literal, .range: true
        default: false
        }
    }

    /// The column a right-hand operand names, or nil for a value. Only a dotted name is a column there
    /// (`channel = customers.channel`): a bare word is text, so `country = ID` never means the `id` column.
    static func columnOperand(_ node: ExpressionNode, _ context: EvalContext, preferEvents: Bool) throws(Diagnostic) -> Attribute? {
        guard case .column(let name) = node.kind, name.parts.count > 1 else { return nil }
        return try Attribute.resolve(name, in: context.store, preferEvents: preferEvents)
    }
}

/// Builds the test for `attribute op value`, checking that the value suits the attribute.
enum ValueMatcher {
    /// `reader` reads the attribute from another table (spend rows); by default from the events and customers.
    static func comparison(_ attribute: Attribute, _ op: ComparisonOperator, _ value: ExpressionNode,
                           _ context: EvalContext, reader: AttributeReader? = nil) throws(Diagnostic) -> (Int32, Int) -> Bool {
        let store = context.store
        let reader = reader ?? AttributeReader(attribute, context)
        switch attribute.kind(in: store) {
        case .code, .customerCode:
            guard op == .equal || op == .notEqual else {
                throw Diagnostic("text values compare with = or != (or in (…))", at: value.span)
            }
            guard let text = Self.text(of: value) else {
                throw Diagnostic("expected a name or \"text\" to compare with", at: value.span)
            }
            let code = attribute.kind(in: store) == .customerCode ? store.customerIDs.code(of: text) : store.strings.code(of: text)
            let target = code ?? -2
            let read = reader.code
            return op == .equal ? { c, r in read(c, r) == target } : { c, r in let v = read(c, r); return v >= 0 && v != target }
        case .number:
            guard case .literal(let literal) = value.kind, let number = Self.number(literal) else {
                throw Diagnostic("\(Self.name(attribute, store)) expects a number", at: value.span)
            }
            let read = reader.number
            return { c, r in
                guard let v = read(c, r) else { return false }
                switch op {
                case .equal: return v == number
                case .notEqual: return v != number
                case .less: return v < number
                case .lessEqual: return v <= number
                case .greater: return v > number
                case .greaterEqual: return v >= number
                }
            }
        case .time:
            let range: TimeRange
            switch value.kind {
            case .literal(.date(let date)): range = TimeRange.of(date)
            case .range(let lower, let upper):
                guard case .date(let a) = lower.literal, case .date(let b) = upper.literal else {
                    throw Diagnostic("\(Self.name(attribute, store)) expects dates like 2022-09..2022-12", at: value.span)
                }
                guard TimeRange.of(a).start <= TimeRange.of(b).start else {
                    throw Diagnostic("the range ends before it starts", at: value.span, hints: ["write the earlier date first"])
                }
                range = TimeRange.between(a, b)
            default:
                throw Diagnostic("\(Self.name(attribute, store)) expects a date like 2022-09", at: value.span,
                                 hints: ["a month (2022-09), a day (2022-09-14), a quarter (2022-Q3) or a range (2022-09..2022-12)"])
            }
            let read = reader.time
            return { c, r in
                guard let t = read(c, r) else { return false }
                switch op {
                case .equal: return range.contains(t)
                case .notEqual: return !range.contains(t)
                case .less: return t < range.start
                case .lessEqual: return t < range.end
                case .greater: return t >= range.end
                case .greaterEqual: return t >= range.start
                }
            }
        case .stage:
            throw Diagnostic("`stage` cannot be compared", at: value.span)
        }
    }

    /// Whether the attribute has a value for (customer, row).
    static func hasValue(_ attribute: Attribute, _ context: EvalContext, reader: AttributeReader? = nil) -> (Int32, Int) -> Bool {
        let reader = reader ?? AttributeReader(attribute, context)
        switch attribute.kind(in: context.store) {
        case .code, .customerCode: return { reader.code($0, $1) >= 0 }
        case .number: return { reader.number($0, $1) != nil }
        case .time: return { reader.time($0, $1) != nil }
        case .stage: return { _, _ in true }
        }
    }

    /// `column op column`: both sides must hold the same kind of value; missing values never match.
    static func columns(_ left: Attribute, _ op: ComparisonOperator, _ right: Attribute, _ context: EvalContext,
                        span: SourceSpan) throws(Diagnostic) -> (Int32, Int) -> Bool {
        let store = context.store
        let (a, b) = (AttributeReader(left, context), AttributeReader(right, context))
        func compare<T: Comparable>(_ x: T?, _ y: T?) -> Bool {
            guard let x, let y else { return false }
            switch op {
            case .equal: return x == y
            case .notEqual: return x != y
            case .less: return x < y
            case .lessEqual: return x <= y
            case .greater: return x > y
            case .greaterEqual: return x >= y
            }
        }
        switch (left.kind(in: store), right.kind(in: store)) {
        case (.code, .code), (.customerCode, .customerCode):
            guard op == .equal || op == .notEqual else { throw Diagnostic("text values compare with = or !=", at: span) }
            return { c, r in let x = a.code(c, r), y = b.code(c, r); return x >= 0 && y >= 0 && compare(x, y) }
        case (.number, .number): return { c, r in compare(a.number(c, r), b.number(c, r)) }
        case (.time, .time): return { c, r in compare(a.time(c, r), b.time(c, r)) }
        default:
            throw Diagnostic("cannot compare \(name(left, store)) with \(name(right, store)): they hold different kinds of values", at: span)
        }
    }

    /// The text a literal stands for in a comparison with a text column: a name or string as decoded,
    /// anything else (`00017`, `1.785e4`) exactly as written, never its re-printed value (`17`, `17850.0`).
    static func text(of node: ExpressionNode) -> String? {
        guard case .literal(let literal) = node.kind else { return nil }
        switch literal {
        case .name(let s), .string(let s): return s
        case .integer, .number, .date, .duration: return node.sourceText ?? literal.description
        }
    }

    static func number(_ literal: Literal) -> Double? {
        switch literal {
        case .integer(let v): Double(v)
        case .number(let v): v
        default: nil
        }
    }

    static func name(_ attribute: Attribute, _ store: Store) -> String {
        switch attribute {
        case .customerID: "customer"
        case .signup: "signup"
        case .firstPurchase: "first_purchase"
        case .acquisitionChannel: "channel"
        case .customerColumn(let i): store.customers.columns[i].name
        case .event: "event"
        case .eventChannel: "events.channel"
        case .amount: "amount"
        case .ts: "ts"
        case .eventExtra(let i): store.events.extras[i].name
        case .stage: "stage"
        }
    }
}

extension ComparisonOperator {
    /// The operator with its sides swapped: `a < b` is `b > a`.
    var mirrored: ComparisonOperator {
        switch self {
        case .equal, .notEqual: self
        case .less: .greater
        case .lessEqual: .greaterEqual
        case .greater: .less
        case .greaterEqual: .lessEqual
        }
    }
}
