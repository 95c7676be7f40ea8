/// The options of a `lifecycle` step: `lifecycle [period day|week|month] [on <event>|any|purchase]`, each
/// optional and written at most once, in any order.
public struct LifecycleTrendOptions: Hashable, Sendable {
    /// `period …`: the width of each row; nil when not written (the session's `set period`).
    public var period: Spanned<PeriodUnit>?
    /// `on purchase|any|<event>`: what counts as being active; nil when not written (any event).
    public var activity: Spanned<RetentionActivity>?

    /// Options as given; everything defaults to "not written".
    public init(period: Spanned<PeriodUnit>? = nil, activity: Spanned<RetentionActivity>? = nil) {
        self.period = period
        self.activity = activity
    }
}

/// The options of a `stickiness` step: `stickiness [period day|week]`.
public struct StickinessOptions: Hashable, Sendable {
    /// `period …`: the unit customers are counted in; nil when not written (day).
    public var period: Spanned<PeriodUnit>?

    /// Options as given.
    public init(period: Spanned<PeriodUnit>? = nil) {
        self.period = period
    }
}

/// The canonical text of the trend steps, shared by the syntax printer and the plan's step text.
public enum TrendStepText {
    /// `lifecycle period week on purchase`, options in a fixed order.
    public static func lifecycle(_ options: LifecycleTrendOptions) -> String {
        var words = ["lifecycle"]
        if let period = options.period { words.append("period \(period.value.rawValue)") }
        switch options.activity?.value {
        case nil: break
        case .purchase?: words.append("on purchase")
        case .anyEvent?: words.append("on any")
        case .event(let name)?: words.append("on \(name.description)")
        }
        return words.joined(separator: " ")
    }

    /// `stickiness period week`.
    public static func stickiness(_ options: StickinessOptions) -> String {
        options.period.map { "stickiness period \($0.value.rawValue)" } ?? "stickiness"
    }
}
