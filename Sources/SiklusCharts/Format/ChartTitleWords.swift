import SiklusEngine
import SiklusLanguage

/// The titles the engine gives results (`funnel within 30d, ordered`, `current stage as of 2023-12-31`,
/// `clv over 26 weeks (…)`), English text made where no catalog is read, worded in the current language
/// when a chart or a box table shows them. A title no pattern knows is shown as it is.
public enum ChartTitleWords {
    private static let patterns = [
        EnglishPhrasePattern(#"funnel within (\S+), (\S+)"#, "chart.title.funnel", ["window", "order"]),
        EnglishPhrasePattern(#"current stage as of (\S+)"#, "chart.title.stage_share", ["date"]),
        EnglishPhrasePattern(#"retention by (\w+)(.*), active = (.+)"#, "chart.title.retention", ["period", "options", "activity"]),
        EnglishPhrasePattern(#"lifecycle by (\w+), active = (.+)"#, "chart.title.lifecycle", ["period", "activity"]),
        EnglishPhrasePattern(#"stage at the end of each (\w+) → the next"#, "chart.title.transitions", ["period"]),
        EnglishPhrasePattern(#"stickiness by (\w+)"#, "chart.title.stickiness", ["period"]),
        EnglishPhrasePattern(#"rfm per (\w+) \(purchases per day up to as_of\)"#, "chart.title.rfm", ["period"]),
        EnglishPhrasePattern(#"rfm per (\w+) by (.+)"#, "chart.title.rfm_groups", ["period", "groups"]),
        EnglishPhrasePattern(#"clv over (\S+ \w+)(, discounted at \S+ % a year)? \(BG/NBD × Gamma-Gamma, fitted up to as_of\)"#,
                             "chart.title.clv", ["horizon", "discount"]),
        EnglishPhrasePattern(#"clv params per (\w+) \(maximum likelihood up to as_of\)"#, "chart.title.clv_params", ["period"]),
        EnglishPhrasePattern(#"clv check per (\w+): cumulative repeat purchases after as_of, actual and BG/NBD"#, "chart.title.clv_check", ["period"]),
    ]
    private static let discount = EnglishPhrasePattern(englishTemplateOf: "chart.title.clv_discount")

    /// `title` in the current language.
    public static func word(_ title: String) -> String {
        guard Language.current != .en else { return title }
        return EnglishPhrasePattern.word(title, patterns, value: argument) ?? title
    }

    /// A captured part worded: periods as column headers, retention's `(rolling)` and `(unbounded)`, clv's
    /// horizon (`26 weeks`) and discount.
    private static func argument(_ name: String, _ value: String) -> String {
        switch name {
        case "period": ChartWords.header(value)
        case "groups": value.components(separatedBy: ", ").map(ChartWords.header).joined(separator: ", ")
        case "options", "activity":
            value.replacingOccurrences(of: " (rolling)", with: MessageCatalog.text("chart.title.rolling"))
                .replacingOccurrences(of: " (unbounded)", with: MessageCatalog.text("chart.title.unbounded"))
        case "horizon": horizon(value)
        case "discount": value.isEmpty ? "" : discount.word(value) ?? value
        default: value
        }
    }

    /// `26 weeks` as `26 minggu`, `12.1667 months` as `12,1667 bulan`: the count with a decimal comma, then the
    /// unit's noun (singular: Indonesian has no plural).
    private static func horizon(_ value: String) -> String {
        let parts = value.split(separator: " ")
        guard parts.count == 2 else { return value }
        let unit = parts[1].hasSuffix("s") ? parts[1].dropLast() : parts[1]
        return parts[0].replacingOccurrences(of: ".", with: ",") + " " + MessageCatalog.noun(String(unit))
    }
}
