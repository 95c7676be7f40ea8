import SiklusLanguage

/// Completion inside a `paths` step and a behavioural cohort filter (`did [not] <event> [>= N times]
/// [within 30d [of signup]]`).
extension Completer {
    /// The context for the word after `previous` (lowercased) in `statement`, or nil when these rules
    /// do not apply.
    static func pathsContext(statement: Substring, previous: String) -> CompletionContext? {
        let steps = statement.split(separator: "|", omittingEmptySubsequences: false)
        let current = words(steps.last ?? statement)
        if steps.count > 1, current.first == "paths" {
            // `paths from ‸`, `paths to ‸`: an event; after `paths` or an option's value: another option.
            if previous == "from" || previous == "to" { return .events(extra: []) }
            if ["steps", "session", "edges"].contains(previous) { return CompletionContext.none }
            return .words(Keywords.pathsOptions.filter { !current.dropLast().contains($0) || current.last == $0 })
        }
        guard steps.count == 1, current.first == "cohort" else { return nil }
        let before = current.count >= 2 ? current[current.count - 2] : ""
        switch previous {
        case "cohort": return .cohortFilter
        case "and" where before != "did": return .cohortFilter
        case "did": return .events(extra: ["not"])
        case "not" where before == "did": return .events(extra: [])
        case "times", "time": return .words(["within"])
        case "of": return .words(["signup"])
        default:
            if before == "within" { return .words(["of"]) }
            if before == "did" || (before == "not" && current.dropLast(2).last == "did") { return .words(["within"]) }
            if Int(previous) != nil, ComparisonOperator.allCases.map(\.rawValue).contains(before) || before == "==" || before == "<>" {
                return .words(["times"])
            }
            return nil
        }
    }
}
