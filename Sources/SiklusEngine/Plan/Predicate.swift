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
        case .comparison(let left, let op, let right):
            let attribute = try column(left, context, preferEvents: preferEvents)
            let match = try ValueMatcher.comparison(attribute, op, right, context)
            return Predicate(isCustomerLevel: attribute.isCustomerLevel, test: match)
        case .membership(let value, let negated, let values):
            let attribute = try column(value, context, preferEvents: preferEvents)
            let matchers = try values.map { v throws(Diagnostic) in try ValueMatcher.comparison(attribute, .equal, v, context) }
            let test: (Int32, Int) -> Bool = { c, r in matchers.contains { $0(c, r) } }
            return Predicate(isCustomerLevel: attribute.isCustomerLevel, test: negated ? { !test($0, $1) } : test)
        case .column, .literal, .range:
            throw Diagnostic("expected a condition such as `channel = social`", at: node.span)
        }
    }

    private static func column(_ node: ExpressionNode, _ context: EvalContext, preferEvents: Bool) throws(Diagnostic) -> Attribute {
        guard case .column(let name) = node.kind else {
            throw Diagnostic("expected a column name on the left of the comparison", at: node.span)
        }
        let attribute = try Attribute.resolve(name, in: context.store, preferEvents: preferEvents)
        if attribute == .stage { throw Diagnostic("`stage` can be grouped by, not filtered; use the step `stage <name>`", at: node.span) }
        return attribute
    }
}

/// Builds the test for `attribute op value`, checking that the value suits the attribute.
enum ValueMatcher {
    static func comparison(_ attribute: Attribute, _ op: ComparisonOperator, _ value: ExpressionNode,
                           _ context: EvalContext) throws(Diagnostic) -> (Int32, Int) -> Bool {
        let store = context.store
        let reader = AttributeReader(attribute, context)
        switch attribute.kind(in: store) {
        case .code, .customerCode:
            guard op == .equal || op == .notEqual else {
                throw Diagnostic("text values compare with = or != (or in (…))", at: value.span)
            }
            guard case .literal(let literal) = value.kind, let text = Self.text(literal) else {
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

    static func text(_ literal: Literal) -> String? {
        switch literal {
        case .name(let s), .string(let s): s
        case .integer(let v): String(v)
        case .number, .date, .duration: literal.description
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
