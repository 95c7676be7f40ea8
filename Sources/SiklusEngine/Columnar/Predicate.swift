import SiklusLanguage
import SiklusStore

/// A compiled `where` condition or cohort filter.
///
/// Customer-level predicates (only customer attributes) are evaluated once per customer; others once
/// per event row. `test(customer, row)` gets row -1 for customer-level evaluation.
struct Predicate: @unchecked Sendable {
    let isCustomerLevel: Bool
    let test: (Int32, Int) -> Bool
    /// The same test as bounds on a fact time, when it is one comparison of `signup` or `first_purchase`.
    var customerTimes: CustomerTimeBounds? = nil

    /// Compiles a bound condition to a test over the context's columns.
    static func compile(_ filter: RowFilter, _ context: EvalContext) -> Predicate {
        switch filter {
        case .and(let a, let b):
            let (l, r) = (compile(a, context), compile(b, context))
            return Predicate(isCustomerLevel: l.isCustomerLevel && r.isCustomerLevel) { l.test($0, $1) && r.test($0, $1) }
        case .or(let a, let b):
            let (l, r) = (compile(a, context), compile(b, context))
            return Predicate(isCustomerLevel: l.isCustomerLevel && r.isCustomerLevel) { l.test($0, $1) || r.test($0, $1) }
        case .not(let a):
            let inner = compile(a, context)
            return Predicate(isCustomerLevel: inner.isCustomerLevel) { !inner.test($0, $1) }
        case .compare(let attribute, let op, let value, _):
            var bounds: CustomerTimeBounds?
            if case .time(let range) = value { bounds = CustomerTimeBounds.of(attribute, op, range, context) }
            return Predicate(isCustomerLevel: attribute.isCustomerLevel, test: ValueMatcher.comparison(attribute, op, value, context),
                             customerTimes: bounds)
        case .compareAttributes(let attribute, let op, let other, _):
            return Predicate(isCustomerLevel: attribute.isCustomerLevel && other.isCustomerLevel,
                             test: ValueMatcher.columns(attribute, op, other, context))
        case .member(let attribute, let values, let negated, _):
            let test = MembershipTest.compile(attribute, values, context).test(attribute, context)
            // `x not in (a, b)` means `x != a and x != b`: like `!=`, a missing value matches neither.
            let hasValue = ValueMatcher.hasValue(attribute, context)
            return Predicate(isCustomerLevel: attribute.isCustomerLevel, test: negated ? { hasValue($0, $1) && !test($0, $1) } : test)
        case .did(let condition, _):
            return BehaviourPredicate.compile(condition, context)
        }
    }
}

/// Builds the test for `attribute op value`; the binder has checked that the value suits the attribute.
enum ValueMatcher {
    /// `reader` reads the attribute from another table (spend rows); by default from the events and customers.
    static func comparison(_ attribute: Attribute, _ op: ComparisonOperator, _ value: FilterValue,
                           _ context: EvalContext, reader: AttributeReader? = nil) -> (Int32, Int) -> Bool {
        let store = context.store
        let reader = reader ?? AttributeReader(attribute, context)
        switch value {
        case .text(let text):
            let code = attribute.kind(in: store) == .customerCode ? store.customerIDs.code(of: text) : store.strings.code(of: text)
            let target = code ?? -2
            let read = reader.code
            return op == .notEqual ? { c, r in let v = read(c, r); return v >= 0 && v != target } : { c, r in read(c, r) == target }
        case .number(let number):
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
        case .time(let range):
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

    /// `column op column` (same kinds, checked by the binder); missing values never match.
    static func columns(_ left: Attribute, _ op: ComparisonOperator, _ right: Attribute, _ context: EvalContext) -> (Int32, Int) -> Bool {
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
        switch left.kind(in: context.store) {
        case .code, .customerCode: return { c, r in let x = a.code(c, r), y = b.code(c, r); return x >= 0 && y >= 0 && compare(x, y) }
        case .number: return { c, r in compare(a.number(c, r), b.number(c, r)) }
        case .time: return { c, r in compare(a.time(c, r), b.time(c, r)) }
        case .stage: return { _, _ in false }
        }
    }
}
