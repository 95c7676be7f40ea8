import SiklusEngine
import SiklusLanguage

extension Completer {
    /// Inside a `funnel` step: `attribution ‸` completes `first`, `last`, `step`; `attribution step ‸` a
    /// number (nothing to offer). Nil elsewhere. (`by ‸` completes columns as the `by` step does.)
    static func funnelSplitContext(_ statement: Substring, previous: String) -> CompletionContext? {
        let step = statement.split(separator: "|", omittingEmptySubsequences: false).last ?? statement
        let words = step.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.lowercased() }
        guard words.first == "funnel", let last = words.last else { return nil }
        // The word being completed is not in `statement` when it is empty; `previous` is the last whole word.
        guard last == previous else { return nil }
        if previous == "attribution" { return .words(Keywords.funnelAttributions) }
        if previous == "step", words.dropLast().last == "attribution" { return CompletionContext.none }
        return nil
    }
}
