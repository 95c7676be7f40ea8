import SiklusLanguage

/// Completion inside a `retention` step: its options, `value revenue|orders`, the period units, and
/// stages (or `purchase`, `any`) after `on`/`start`.
enum RetentionCompletion {
    /// The context after `previous` when the statement's last step is `retention …`; nil otherwise.
    static func context(statement: String, previous: String) -> CompletionContext? {
        let step = statement.split(separator: "|", omittingEmptySubsequences: false).last ?? Substring(statement)
        guard Completer.words(step).first == "retention" else { return nil }
        switch previous {
        case "value": return .words(Keywords.retentionValues)
        case "period": return .words(PeriodUnit.allCases.map(\.rawValue))
        case "on", "start": return .stage
        case "horizon", "min_events", "brackets": return CompletionContext.none
        default: return .words(Keywords.retentionOptions)
        }
    }
}
