import SiklusLanguage
import SiklusEngine

/// Completion of a `set` value: `set language = ‸` offers `en`, `id`; `set currency = ‸` the currency
/// codes; `set period = ‸` the period units; `set week_start = ‸` the weekdays.
enum SettingCompletion {
    /// The words for the value of `set <option> =` when `statement` (the text before the word) is one; nil otherwise.
    static func context(_ statement: Substring) -> CompletionContext? {
        let words = statement.split { $0 == " " || $0 == "\t" || $0 == "=" }.map { $0.lowercased() }
        guard words.count == 2, words[0] == "set", statement.contains("=") else { return nil }
        let choices = DisplaySettings.choices(for: words[1]) + valueChoices(words[1])
        return choices.isEmpty ? nil : .words(choices)
    }

    private static func valueChoices(_ option: String) -> [String] {
        switch option {
        case "period": PeriodUnit.allCases.map(\.rawValue)
        case "week_start": ["monday", "sunday", "saturday"]
        case "as_of": ["latest"]
        default: []
        }
    }
}
