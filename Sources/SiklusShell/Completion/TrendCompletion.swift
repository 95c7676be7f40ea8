import SiklusEngine
import SiklusLanguage

/// Completion inside a `lifecycle` or `stickiness` step: its option words not yet written, the period
/// units after `period`, and `purchase`, `any` or an event name after `on`.
enum TrendCompletion {
    /// The context for the word after `statement` (the current statement's text before it), or nil when the
    /// current step is not a trend step.
    static func context(_ statement: Substring) -> CompletionContext? {
        guard let step = statement.split(separator: "|", omittingEmptySubsequences: false).last else { return nil }
        let words = step.split { $0 == " " || $0 == "\t" }.map { $0.lowercased() }
        guard let keyword = words.first else { return nil }
        let options: [String]
        switch keyword {
        case "lifecycle": options = Keywords.lifecycleOptions
        case "stickiness": options = Keywords.stickinessOptions
        default: return nil
        }
        switch words.last {
        case "period": return .stepOption(PeriodUnit.allCases.map(\.rawValue))
        case "on" where keyword == "lifecycle": return .activity
        default: return .stepOption(options.filter { !words.contains($0) })
        }
    }
}
