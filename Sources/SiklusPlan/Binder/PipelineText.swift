import SiklusLanguage

/// Pipeline parts printed back as Siklus text (`stage retention`, `where amount > 100`), for the
/// comments of generated SQL and the worked example. Printed from the syntax tree rather than cut
/// from the source, because a `let` variable's steps come from another statement's text.
package enum PipelineText {
    /// `cohort signup = 2022-09 by channel`, `events`.
    package static func source(_ source: Source) -> String {
        switch source {
        case .events: return "events"
        case .variable(let name): return name.text
        case .cohort(let cohort):
            var parts = ["cohort"] + cohort.filters.map(SyntaxPrinter.inline) + cohort.behaviours.map(\.text)
            if let grouping = cohort.grouping {
                parts.append("by \(grouping.dimension.text)" + (grouping.period.map { " period \($0.value.rawValue)" } ?? ""))
            }
            return parts.joined(separator: " ")
        }
    }
}
