import SiklusLanguage

/// A value a row filter compares an attribute with, typed by the attribute's kind at bind time.
public enum FilterValue: Hashable, Sendable {
    /// Text exactly as written (`00017` stays `00017`; a name or string as decoded).
    case text(String)
    /// A number.
    case number(Double)
    /// The period a date literal or range names: inclusive start, exclusive end.
    case time(TimeRange)
}

/// A `where` condition or cohort filter, bound: an expression tree over attributes and typed values.
///
/// Semantics every backend keeps: a missing value matches no comparison (`!=` included) and no membership
/// test (`not in` included); `=` on a time is "within the period", `<` "before its start", `<=` "before its
/// end", `>` "from its end on", `>=` "from its start on".
public indirect enum RowFilter: Hashable, Sendable {
    /// Both hold.
    case and(RowFilter, RowFilter)
    /// Either holds.
    case or(RowFilter, RowFilter)
    /// The condition does not hold.
    case not(RowFilter)
    /// `attribute op value`; `span` is the value's, for errors.
    case compare(Attribute, ComparisonOperator, FilterValue, span: SourceSpan)
    /// `attribute op other`: both of the same kind (text with text: only `=`/`!=`).
    case compareAttributes(Attribute, ComparisonOperator, Attribute, span: SourceSpan)
    /// `attribute [not] in (values)`; `not in` needs a value (like `!=`).
    case member(Attribute, [FilterValue], negated: Bool, span: SourceSpan)
    /// A behavioural cohort filter: the customer's count of an event in a window compared with a number.
    case did(BehaviourCondition, span: SourceSpan)

    /// True when the condition reads only customer attributes, so it is decided once per customer.
    public var isCustomerLevel: Bool {
        switch self {
        case .and(let a, let b), .or(let a, let b): a.isCustomerLevel && b.isCustomerLevel
        case .not(let a): a.isCustomerLevel
        case .compare(let attribute, _, _, _), .member(let attribute, _, _, _): attribute.isCustomerLevel
        case .compareAttributes(let a, _, let b, _): a.isCustomerLevel && b.isCustomerLevel
        case .did: true
        }
    }

    /// Every attribute the condition reads, left to right.
    public var attributes: [Attribute] {
        switch self {
        case .and(let a, let b), .or(let a, let b): a.attributes + b.attributes
        case .not(let a): a.attributes
        case .compare(let attribute, _, _, _), .member(let attribute, _, _, _): [attribute]
        case .compareAttributes(let a, _, let b, _): [a, b]
        case .did: []
        }
    }
}
