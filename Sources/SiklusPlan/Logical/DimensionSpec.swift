import SiklusLanguage

/// A grouping, as named: what each customer or event row is grouped by. Backends number the groups
/// from the data (the in-memory engine densely, a SQL engine with `GROUP BY`).
public struct DimensionSpec: Hashable, Sendable {
    /// What the dimension reads.
    public enum Kind: Hashable, Sendable {
        /// `by day|week|month|quarter|year`: the period of the event time, over the span of events and spend
        /// (spend-only periods get rows too).
        case eventTime(PeriodUnit)
        /// `by stage`: the lifecycle stage of each event row (`(other)` for events in no stage).
        case stage
        /// `by <column>` or `cohort by <attribute>`: an attribute's value; times bucketed by `period` (nil for
        /// attributes that are not times).
        case attribute(Attribute, period: PeriodUnit?)
        /// `by order_number`: each purchase row's place among the customer's purchases over their whole history
        /// (1, 2, 3, …; `(none)` for other rows). Events without an order column only.
        case orderNumber
    }

    /// What the dimension reads.
    public var kind: Kind
    /// The result column's name (`month`, `channel`, `cohort`).
    public var name: String
    /// The name as written, for errors found while grouping (too many distinct values).
    public var span: SourceSpan?

    /// A dimension of `kind` shown as `name`.
    public init(_ kind: Kind, name: String, span: SourceSpan? = nil) {
        self.kind = kind
        self.name = name
        self.span = span
    }

    /// True when the key depends only on the customer.
    public var isCustomerLevel: Bool {
        if case .attribute(let attribute, _) = kind { return attribute.isCustomerLevel }
        return false
    }

    /// The period unit of a time dimension (event time or a time attribute), else nil.
    public var period: PeriodUnit? {
        switch kind {
        case .eventTime(let unit): unit
        case .attribute(_, let period): period
        case .stage, .orderNumber: nil
        }
    }

    /// The attribute read: `ts` for event time, nil for `stage`.
    public var attribute: Attribute? {
        switch kind {
        case .eventTime: .ts
        case .attribute(let attribute, _): attribute
        case .stage, .orderNumber: nil
        }
    }
}
