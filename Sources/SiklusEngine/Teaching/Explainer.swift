import SiklusLanguage
import SiklusStore

/// `explain <pipeline>`: the parsed syntax tree, the plan in words (checked by binding it), and the
/// formula of every metric used.
struct Explainer {
    let context: EvalContext

    func explain(_ pipeline: Pipeline, original: Pipeline, source: SourceFile) throws(Diagnostic) -> String {
        let plan = try Binder(context: context).bind(pipeline)
        var out = ["query", "  " + source[original.span], "", "syntax"]
        out += SyntaxPrinter.print(original).split(separator: "\n").map { "  " + $0 }
        out += ["", "plan"]
        var n = 0
        func line(_ text: String) { n += 1; out.append("  \(n). \(text)") }
        switch pipeline.source.kind {
        case .events: line("start from every customer with an event, and all their events")
        case .cohort(let cohort):
            let filters = cohort.filters.map(SyntaxPrinter.inline).joined(separator: " and ")
            line(filters.isEmpty ? "start from every customer" : "choose customers with \(filters)")
            if let g = cohort.grouping {
                line("group them into cohorts by \(g.dimension.text)" + (plan.grouping?.period != nil ? " \(g.period?.value.rawValue ?? context.settings.period.rawValue)" : ""))
            }
        case .variable: break
        }
        for step in pipeline.steps {
            switch step.kind {
            case .stage(let name):
                let stage = Stage(named: name.text)!
                line("keep events of stage \(stage.name) (\(stageDescription(stage))), and the customers who have one")
            case .filter(let condition): line("keep rows where \(SyntaxPrinter.inline(condition))")
            case .groupBy(let names): line("group by " + names.map(\.text).joined(separator: ", "))
            case .metrics(let names): line("compute " + names.map(\.text).joined(separator: ", ") + " per group")
            case .retention: line(retentionDescription(plan))
            case .funnel(let spec): line("funnel " + spec.steps.map(\.text).joined(separator: " → ") + funnelDescription(plan))
            case .sort(let keys): line("sort by " + keys.map { $0.column.text + ($0.direction.map { " \($0.value.rawValue)" } ?? "") }.joined(separator: ", "))
            case .top(let k): line("keep the top \(k.value) rows by the last numeric column")
            case .limit(let k): line("keep the first \(k.value) rows")
            case .plot: line("draw the result as a chart")
            case .export(let path): line("write the result to \(path.value)")
            }
        }
        if case .metrics(let metrics, _) = plan.output {
            out += ["", "formulas"]
            for metric in metrics { out.append("  \(metric.rawValue) = \(metric.formula)") }
        }
        out += ["", "sql (DuckDB; the same result table, from the same files)"]
        do {
            out.append(SQLText.indent(try SQLTranslator(context: context).translate(pipeline, plan: plan), 2))
        } catch {
            out.append("  no SQL equivalent shown for \(error.what)")
        }
        out += ["", "settings", "  " + context.settings.describe(dataEnd: context.dataEnd)]
        return out.joined(separator: "\n")
    }

    private func stageDescription(_ stage: Stage) -> String {
        let names = (context.stageMap.events[stage] ?? []).joined(separator: ", ")
        switch stage {
        case .purchase: return "each customer's first of: \(names)"
        case .retention: return "purchases after the first, plus \(names)"
        case .churn: return "\(names); customers churned as of as_of"
        default: return names
        }
    }

    private func retentionDescription(_ plan: QueryPlan) -> String {
        guard case .retention(let r) = plan.output else { return "" }
        let anchor = r.anchorOnFirstPurchase ? "first purchase" : "signup"
        var text = "retention: for each cohort, count customers active (\(r.activityName)) in each \(r.period.rawValue) after their \(anchor) \(r.period.rawValue)"
        if r.unbounded { text += ", or in any later one" }
        if r.percent { text += ", as % of the cohort" }
        return text
    }

    private func funnelDescription(_ plan: QueryPlan) -> String {
        guard case .funnel(let f) = plan.output else { return "" }
        return " within \(f.window / CivilTime.secondsPerDay) days of the first step, \(f.order.rawValue); each customer counts at the furthest step reached"
    }
}
