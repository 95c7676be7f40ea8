import SiklusLanguage

/// The title of a result table as a value: what the analysis was, with the options that shaped it. The
/// engine and the SQL lowering build the same case for the same step; it is worded from the catalogs'
/// `title.` keys in the language a person reads it in (a chart, the line above a box table) and in
/// English in `description` (the golden files, logs). Nothing reads a title's text back.
public enum ResultTitle: CatalogSentence, Hashable {
    /// `funnel within 30d, ordered`.
    case funnel(window: Int64, order: FunnelOrder)
    /// `time to convert from visit to purchase (funnel within 7d, ordered)`: `funnel | histogram`.
    case conversionTimes(from: String, to: String, window: Int64, order: FunnelOrder)
    /// `funnel trends by entry week, within 30d, ordered`.
    case funnelTrends(period: String, window: Int64, order: FunnelOrder)
    /// `current stage as of 2023-12-31` (an ISO date).
    case stageShare(date: String)
    /// `retention by week (rolling), active = purchase (unbounded), start = signup (recurring), …`.
    case retention(period: PeriodUnit, activity: LogicalQuery.Retention.Activity, unbounded: Bool, kind: LogicalQuery.Retention.Kind)
    /// `lifecycle by month, active = any event`.
    case lifecycle(period: PeriodUnit, activity: LogicalQuery.Retention.Activity)
    /// `stage at the end of each month → the next`.
    case transitions(period: PeriodUnit)
    /// `transitions percent`: the same, as shares of each row.
    case transitionShares(period: PeriodUnit)
    /// `stickiness by week`.
    case stickiness(period: PeriodUnit)
    /// `paths from home, steps 5, session 30min, top 50`.
    case paths(from: String?, to: String?, steps: Int, sessionGap: Int64, edges: Int)
    /// `rfm per week (purchases per day up to as_of)`.
    case rfm(period: PeriodUnit)
    /// `rfm per week by segment` (`rfm | by …`; no groups: `rfm per week`).
    case rfmGroups(period: PeriodUnit, groups: [String])
    /// `clv over 26 weeks, discounted at 10 % a year (BG/NBD × Gamma-Gamma, fitted up to as_of)`: `horizon`
    /// in `period`s, `discount` a yearly rate (0.1).
    case clv(horizon: Double, period: PeriodUnit, discount: Double?)
    /// `clv params per week (maximum likelihood up to as_of)`.
    case clvParams(period: PeriodUnit)
    /// `clv check per week: cumulative repeat purchases after as_of, actual and BG/NBD`.
    case clvCheck(period: PeriodUnit)
    /// `customer value summary` (rfm's summary on an engine).
    case customerValueSummary

    public func phrase(in language: Language) -> (key: String, arguments: [String: String]) {
        let period = { (unit: PeriodUnit) in ColumnHeader.display(unit.rawValue, in: language) }
        switch self {
        case .funnel(let window, let order):
            return ("title.funnel", Self.funnelArguments(window, order))
        case .conversionTimes(let from, let to, let window, let order):
            return ("title.conversion_times", ["from": from, "to": to, "funnel": ResultTitle.funnel(window: window, order: order).text(in: language)])
        case .funnelTrends(let split, let window, let order):
            return ("title.funnel_trends", Self.funnelArguments(window, order).merging(["period": ColumnHeader.display(split, in: language)]) { $1 })
        case .stageShare(let date):
            return ("title.stage_share", ["date": date])
        case .retention(let unit, let activity, let unbounded, let kind):
            return ("title.retention", Self.retentionArguments(period(unit), activity, unbounded, kind, in: language))
        case .lifecycle(let unit, let activity):
            return ("title.lifecycle", ["period": period(unit), "activity": Self.activity(activity, in: language)])
        case .transitions(let unit):
            return ("title.transitions", ["period": period(unit)])
        case .transitionShares(let unit):
            return ("title.transition_shares", ["period": period(unit)])
        case .stickiness(let unit):
            return ("title.stickiness", ["period": period(unit)])
        case .paths(let from, let to, let steps, let gap, let edges):
            let end = { (key: String, event: String?) in event.map { MessageCatalog.text(key, ["event": $0], in: language) } ?? "" }
            return ("title.paths", ["from": end("title.paths_from", from), "to": end("title.paths_to", to), "steps": String(steps),
                                    "session": DurationText.compact(gap), "edges": String(edges)])
        case .rfm(let unit):
            return ("title.rfm", ["period": period(unit)])
        case .rfmGroups(let unit, let groups) where groups.isEmpty:
            return ("title.rfm_per", ["period": period(unit)])
        case .rfmGroups(let unit, let groups):
            return ("title.rfm_groups", ["period": period(unit), "groups": groups.map { ColumnHeader.display($0, in: language) }.joined(separator: ", ")])
        case .clv(let horizon, let unit, let discount):
            let rate = discount.map { MessageCatalog.text("title.clv_discount", ["rate": Self.number($0 * 100, in: language)], in: language) }
            return ("title.clv", ["horizon": Self.horizon(horizon, unit, in: language), "discount": rate ?? ""])
        case .clvParams(let unit):
            return ("title.clv_params", ["period": period(unit)])
        case .clvCheck(let unit):
            return ("title.clv_check", ["period": period(unit)])
        case .customerValueSummary:
            return ("title.customer_value_summary", [:])
        }
    }

    /// A number as titles and notes write it: whole numbers without a decimal point, others rounded to 4
    /// decimals (`12.1667`); in Indonesian with a decimal comma (`12,1667`).
    public static func number(_ value: Double, in language: Language = .en) -> String {
        let text: String
        if value == value.rounded(), abs(value) < 1e15 {
            text = String(Int64(value))
        } else {
            let rounded = (value * 10_000).rounded() / 10_000
            text = rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
        }
        return language == .en ? text : text.replacingOccurrences(of: ".", with: ",")
    }
}
