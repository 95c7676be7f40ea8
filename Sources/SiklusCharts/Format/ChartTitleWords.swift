import SiklusEngine
import SiklusLanguage

/// The titles the engine gives results (`funnel within 30d, ordered`, `current stage as of 2023-12-31`),
/// English text made where no catalog is read, worded in the current language when a chart shows them.
/// A title no pattern knows is shown as it is.
enum ChartTitleWords {
    private static let patterns = [
        EnglishPhrasePattern(#"funnel within (\S+), (\S+)"#, "chart.title.funnel", ["window", "order"]),
        EnglishPhrasePattern(#"current stage as of (\S+)"#, "chart.title.stage_share", ["date"]),
        EnglishPhrasePattern(#"retention by (\w+)(.*), active = (.+)"#, "chart.title.retention", ["period", "options", "activity"]),
        EnglishPhrasePattern(#"lifecycle by (\w+), active = (.+)"#, "chart.title.lifecycle", ["period", "activity"]),
        EnglishPhrasePattern(#"stage at the end of each (\w+) → the next"#, "chart.title.transitions", ["period"]),
        EnglishPhrasePattern(#"stickiness by (\w+)"#, "chart.title.stickiness", ["period"]),
    ]

    /// `title` in the current language.
    static func word(_ title: String) -> String {
        guard Language.current != .en else { return title }
        return patterns.lazy.compactMap { $0.word(title) { name, value in name == "period" ? ChartWords.header(value) : value } }.first ?? title
    }
}
