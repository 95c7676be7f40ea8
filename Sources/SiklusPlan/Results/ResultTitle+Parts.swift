import SiklusLanguage

extension ResultTitle {
    /// A funnel's window (`30d`, as written in a query) and order (`ordered`, a keyword): code in both languages.
    static func funnelArguments(_ window: Int64, _ order: FunnelOrder) -> [String: String] {
        ["window": DurationText.compact(window), "order": order.rawValue]
    }

    /// Retention's options after its period: `(rolling)`, `(unbounded)`, the start event, the events a
    /// period needs and the value counted, each empty when not asked for.
    static func retentionArguments(_ period: String, _ activity: LogicalQuery.Retention.Activity, _ unbounded: Bool,
                                   _ kind: LogicalQuery.Retention.Kind, in language: Language) -> [String: String] {
        let word = { (key: String, arguments: KeyValuePairs<String, String>) in MessageCatalog.text(key, arguments, in: language) }
        return [
            "period": period,
            "rolling": kind.rolling ? word("title.rolling", [:]) : "",
            "activity": Self.activity(activity, in: language),
            "unbounded": unbounded ? word("title.unbounded", [:]) : "",
            "start": kind.start.map { word(kind.recurring ? "title.start_recurring" : "title.start_first", ["start": Self.activity($0, in: language)]) } ?? "",
            "min_events": kind.minEvents > 1 ? word("title.min_events", ["count": String(kind.minEvents)]) : "",
            "value": kind.value != .customers ? word("title.value", ["value": kind.value.rawValue]) : "",
        ]
    }

    /// What counts as activity: `purchase` (a keyword) and an event's name as written, `any event` and
    /// `stage <name>` in words (the stage by its display name).
    static func activity(_ activity: LogicalQuery.Retention.Activity, in language: Language) -> String {
        switch activity {
        case .purchase: "purchase"
        case .anyEvent: MessageCatalog.text("title.any_event", in: language)
        case .event(let name): name
        case .stage(let stage): MessageCatalog.text("title.stage", ["stage": Stage.displayLabel(stage.name, in: language)], in: language)
        }
    }

    /// clv's horizon: `26 weeks`, `1 month`, `12.1667 months`; in Indonesian `12,1667 bulan` (no plural).
    static func horizon(_ horizon: Double, _ unit: PeriodUnit, in language: Language) -> String {
        let count = number(horizon, in: language)
        guard language == .en else { return count + " " + MessageCatalog.noun(unit.rawValue, in: language) }
        return count + " " + unit.rawValue + (horizon == 1 ? "" : "s")
    }
}
