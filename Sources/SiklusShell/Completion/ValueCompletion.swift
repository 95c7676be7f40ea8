import SiklusLanguage

/// Completion inside an `rfm` or `clv` step: `params` and `check` right after `clv`, the options of the
/// step's kind not yet written, and the units `period` accepts (day, week, month) after `period`.
enum ValueCompletion {
    /// The context for the word after `statement` (the current statement's text before it), or nil when the
    /// current step is not `rfm` or `clv`.
    static func context(_ statement: Substring) -> CompletionContext? {
        guard let step = statement.split(separator: "|", omittingEmptySubsequences: false).last else { return nil }
        let words = step.split { $0 == " " || $0 == "\t" }.map { $0.lowercased() }
        let kind: CustomerValueSpec.Kind
        switch words.first {
        case "rfm": kind = .rfm
        case "clv" where words.count > 1 && words[1] == "params": kind = .params
        case "clv" where words.count > 1 && words[1] == "check": kind = .check
        case "clv": kind = .clv
        default: return nil
        }
        switch words.last {
        case "period": return .stepOption(CustomerValueSpec.periods.map(\.rawValue))
        case "horizon", "discount": return CompletionContext.none   // a duration or a rate: nothing to offer
        default:
            // `clv params` and `clv check` are kinds, written only right after `clv`.
            let kinds = kind == .clv && words.count == 1 ? ["params", "check"] : []
            return .stepOption(kinds + kind.options.filter { !words.contains($0) })
        }
    }
}
