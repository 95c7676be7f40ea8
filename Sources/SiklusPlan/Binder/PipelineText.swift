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

    /// One step as written: `metric avg_order, repeat_rate`, `funnel visit -> purchase within 30d`.
    package static func step(_ step: Step) -> String {
        switch step {
        case .derive(let spec): return "derive \(spec.name.text) = \(SyntaxPrinter.inline(spec.expression))"
        case .rows(let n): return n.map { "rows \($0.value)" } ?? "rows"
        case .stage(let name): return "stage \(name.text)"
        case .filter(let condition): return "where \(SyntaxPrinter.inline(condition))"
        case .groupBy(let names): return "by " + names.map(\.text).joined(separator: ", ")
        case .metrics(let names): return "metric " + names.map(\.text).joined(separator: ", ")
        case .retention(let options):
            var parts = ["retention"]
            if let period = options.period { parts.append("period \(period.value.rawValue)") }
            if options.isPercent { parts.append("percent") }
            switch options.activity?.value {
            case nil: break
            case .purchase?: parts.append("on purchase")
            case .anyEvent?: parts.append("on any")
            case .event(let name)?: parts.append("on \(name.description)")
            }
            if options.isUnbounded { parts.append("unbounded") }
            if let horizon = options.horizon { parts.append("horizon \(horizon.value)") }
            parts += options.kindWords
            return parts.joined(separator: " ")
        case .funnel(let spec):
            return spec.text
        case .dropped(let n): return "dropped \(n.value)"
        case .histogram: return "histogram"
        case .paths(let spec): return ["paths", spec.optionText].filter { !$0.isEmpty }.joined(separator: " ")
        case .lifecycleTrend(let options): return TrendStepText.lifecycle(options)
        case .stickiness(let options): return TrendStepText.stickiness(options)
        case .sort(let keys):
            return "sort " + keys.map { $0.column.text + ($0.direction.map { " \($0.value.rawValue)" } ?? "") }.joined(separator: ", ")
        case .top(let n): return "top \(n.value)"
        case .bottom(let n): return "bottom \(n.value)"
        case .limit(let n): return "limit \(n.value)"
        case .plot: return "plot"
        case .export(let path): return "export \(Literal.string(path.value))"
        case .detail: return "detail"
        case .customerValue(let spec): return spec.text
        }
    }
}
