import SiklusLanguage

extension LogicalQuery {
    /// `rfm`, `clv`, `clv params`, `clv check`, with defaults applied. Purchases are collapsed per calendar
    /// day; recency, T and the horizon are whole days divided by `daysPerUnit`.
    public struct CustomerValue: Hashable, Sendable {
        /// The horizon of `clv` when none is written: one year.
        public static let defaultHorizonDays = 365.0

        public var kind: CustomerValueSpec.Kind
        /// The time unit: the step's `period`, else `set period`.
        public var unit: PeriodUnit
        /// How far `clv` predicts, in units; for `clv check`, how many periods after as_of it compares (nil:
        /// up to the last purchase in the data).
        public var horizon: Double?
        /// The annual discount rate of `clv` (nil: undiscounted).
        public var discount: Double?
        /// The step.
        public var span: SourceSpan?
        /// `rfm | by segment, … | metric …`: the rfm columns to group the rfm customers by (`segment`,
        /// `r_score`, `f_score`, `m_score`), and the metrics to compute per group; nil: the per-customer table.
        public var groups: [String] = []
        public var metrics: [Metric]?

        /// The rfm columns a `by` after `rfm` may name.
        public static let groupColumns = ["segment", "r_score", "f_score", "m_score"]

        /// A customer-value analysis.
        public init(kind: CustomerValueSpec.Kind, unit: PeriodUnit, horizon: Double?, discount: Double?, span: SourceSpan?) {
            self.kind = kind
            self.unit = unit
            self.horizon = horizon
            self.discount = discount
            self.span = span
        }

        /// Days per unit: 1, 7, or 30 for months (lifetimes' convention for a fractional month).
        public var daysPerUnit: Double { Self.days(per: unit) }

        static func days(per unit: PeriodUnit) -> Double {
            switch unit {
            case .day: 1
            case .week: 7
            case .month: 30
            case .quarter: 90
            case .year: 365
            }
        }

        /// A horizon's length in days: weeks of 7 days, months of 30, quarters of 90, years of 365.
        public static func days(of duration: DurationLiteral) -> Double {
            let per: Double = switch duration.unit {
            case .second: 1.0 / 86_400
            case .minute: 1.0 / 1_440
            case .hour: 1.0 / 24
            case .day: 1
            case .week: 7
            case .month: 30
            case .quarter: 90
            case .year: 365
            }
            return Double(duration.value) * per
        }
    }
}

extension PipelineBinder {
    /// `by …` after `rfm`: rfm's own columns, which the catalog does not know.
    func rfmGroups(_ names: [QualifiedName]) throws(Diagnostic) -> [String] {
        try names.map { name throws(Diagnostic) -> String in
            let word = name.text.lowercased()
            guard name.parts.count == 1, LogicalQuery.CustomerValue.groupColumns.contains(word) else {
                throw Diagnostic.unknown("rfm column", name.text, at: name.span, among: LogicalQuery.CustomerValue.groupColumns,
                                         fallbackHint: MessageCatalog.text("bind.value.rfm_groups"))
            }
            return word
        }
    }

    /// `rfm …` / `clv …`: the unit must be a day, week or month (the step's, else `set period`).
    func customerValue(_ spec: CustomerValueSpec, span: SourceSpan) throws(Diagnostic) -> LogicalQuery.CustomerValue {
        let unit = spec.period?.value ?? settings.period
        guard CustomerValueSpec.periods.contains(unit) else {
            throw Diagnostic(MessageCatalog.text("bind.value.period", ["step": spec.kind.words, "unit": unit.rawValue]), at: span,
                             hints: [MessageCatalog.text("bind.value.period_hint", ["step": spec.kind.words])])
        }
        if let missing = catalog.missingAmount, spec.kind != .check {
            throw Diagnostic(MessageCatalog.text("bind.value.amount", ["step": spec.kind.words]), at: span, hints: missing.hints)
        }
        let daysPerUnit = LogicalQuery.CustomerValue.days(per: unit)
        var horizon = spec.horizon.map { LogicalQuery.CustomerValue.days(of: $0.value) / daysPerUnit }
        if spec.kind == .clv, horizon == nil { horizon = LogicalQuery.CustomerValue.defaultHorizonDays / daysPerUnit }
        if let written = spec.horizon, let periods = horizon, periods > 100_000 {
            throw Diagnostic(MessageCatalog.text("bind.value.horizon", ["unit": unit.rawValue]), at: written.span)
        }
        // Discounting evaluates the expectation once per period and history: bounded so the cost is.
        if spec.discount != nil, let periods = horizon, periods > 1_000 {
            throw Diagnostic(MessageCatalog.text("bind.value.discounted_horizon", ["unit": unit.rawValue]), at: spec.horizon?.span ?? span,
                             hints: [MessageCatalog.text("bind.value.discounted_horizon_hint")])
        }
        return LogicalQuery.CustomerValue(kind: spec.kind, unit: unit, horizon: horizon, discount: spec.discount?.value, span: span)
    }
}
