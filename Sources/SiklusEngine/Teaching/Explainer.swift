import SiklusLanguage
import SiklusStore

/// `explain <pipeline>`: the parsed syntax tree; the logical plan the engines compile (`LogicalPlanPrinter`); the plan in words, one numbered line per step (the
/// source is step 1); the formula of every metric; a worked example on one real customer; the
/// equivalent DuckDB SQL (the SQL compiler's); and the settings the answer depends on.
/// `detail` chooses the parts: the short form leaves out the trees and the SQL (`ExplainDetail`).
///
/// The plan, the worked example and the SQL comments share the step numbers, so each step can be
/// read across all three.
struct Explainer {
    let context: EvalContext
    var detail: ExplainDetail = .all

    func explain(_ pipeline: Pipeline, original: Pipeline, source: SourceFile) throws(Diagnostic) -> String {
        let bound = try Binder(catalog: context.catalog).bind(pipeline)
        // The guardrails' review, as a run makes it: the plan explained is the plan run.
        let (logical, warnings) = PlanWarnings.review(bound, data: StoreValues.of(context), catalog: context.catalog)
        let plan = try ColumnarCompiler.compile(logical, context)
        var out = [MessageCatalog.text("explain.query"), "  " + source[original.span]]
        out += ExplainWarnings.lines(warnings, statement: original.span, in: source)
        if detail.showsTrees {
            out += ["", MessageCatalog.text("explain.syntax")] + SyntaxPrinter.print(original).split(separator: "\n").map { "  " + $0 }
            out += ["", MessageCatalog.text("explain.logical_plan")]
            out += LogicalPlanPrinter.print(logical, catalog: context.catalog).split(separator: "\n").map { "  " + $0 }
        }
        out += ["", MessageCatalog.text("explain.plan")]
        var n = 0
        func line(_ text: String) { n += 1; out.append("  \(n). \(text)") }
        line(sourceDescription(pipeline.source.kind, plan))
        for step in pipeline.steps {
            switch step.kind {
            case .derive(let spec):
                let use = spec.name.lowercased == "amount" ? ", and use it as the amount of every money metric" : ""
                line("compute \(spec.name.text) = \(SyntaxPrinter.inline(spec.expression)) for every event row "
                     + "(null where an operand is missing or a divisor is 0)\(use)")
            case .rows(let n):
                let limit = n?.value ?? Int64(RowsPlan.defaultLimit)
                if case .rows(let rows) = plan.output, rows.listsCustomers {
                    line("list the first \(limit) customers in scope (in order of first appearance) with their attributes, events, first purchase and current stage")
                } else {
                    line("list the first \(limit) event rows in scope, by customer (in order of first appearance), time and file row, with each row's stage")
                }
            case .stage(let name):
                guard let stage = Stage(named: name.text) else { line("stage \(name.text)"); continue }
                if stage == .lapsed { line(MessageCatalog.text("explain.keep_lapsed")); continue }
                line(stage == .churn ? MessageCatalog.text("explain.keep_churned", ["events": stageDescription(stage)])
                     : MessageCatalog.text("explain.keep_stage", ["stage": stage.displayName(), "events": stageDescription(stage)]))
            case .filter(let condition):
                let perCustomer = (try? Binder(catalog: context.catalog).condition(condition))?.isCustomerLevel ?? false
                line(MessageCatalog.text(perCustomer ? "explain.keep_customers_where" : "explain.keep_events_where", ["condition": SyntaxPrinter.inline(condition)]))
            case .groupBy(let names): line(MessageCatalog.text("explain.group_by", ["names": names.map(\.text).joined(separator: ", ")]))
            case .metrics(let names): line(MessageCatalog.text("explain.compute", ["names": names.map(\.text).joined(separator: ", ")]))
            case .retention: line(retentionDescription(plan))
            case .funnel(let spec): line("funnel " + funnelSteps(spec, plan) + funnelDescription(plan))
            case .paths: line(pathsDescription(plan))
            case .lifecycleTrend, .stickiness: for text in TrendTrace.words(plan.output) { line(text) }
            case .histogram:
                line("take the converting customers' time from the first step to the last (in their counted attempt) and count them "
                     + "in PostHog's automatic bins: clamp(ceil(cbrt(n)), 1, 60) bins of ceil(range / bins) seconds over [min, max]")
            case .dropped(let n):
                line("keep the customers whose furthest step of that funnel is step \(n.value): they reached it and not step \(n.value + 1)")
            case .sort(let keys):
                line(MessageCatalog.text("explain.sort", ["keys": keys.map { $0.column.text + ($0.direction.map { " \($0.value.rawValue)" } ?? "") }.joined(separator: ", ")]))
            case .top(let k): line(MessageCatalog.text("explain.top", ["count": String(k.value)]))
            case .bottom(let k): line(MessageCatalog.text("explain.bottom", ["count": String(k.value)]))
            case .limit(let k): line(MessageCatalog.text("explain.limit", ["count": String(k.value)]))
            case .plot: line(MessageCatalog.text("explain.plot"))
            case .export(let path): line(MessageCatalog.text("explain.export", ["path": path.value]))
            case .detail: line("add each cell's base (what its percentage divides by) as base_<column> columns")
            case .customerValue(let spec): line(CustomerValueExplanation.planLine(spec))
            }
        }
        if case .metrics(let metrics, _) = plan.output {
            if !pipeline.steps.contains(where: { if case .metrics = $0.kind { true } else { false } }) {
                line(MessageCatalog.text("explain.compute_default"))
            }
            out += ["", MessageCatalog.text("explain.formulas")]
            let orderLevel = context.store.events.orderColumn != nil
            for metric in metrics { out.append("  \(metric.rawValue) = \(metric.formula(orderLevel: orderLevel))") }
            out += plan.logical.metricOptions.formulas.map { "  " + $0 }
        }
        if case .customerValue(let value) = plan.output {
            out += [""] + CustomerValueExplanation(value: value, context: context).formulas()
        }
        // With `derive`, the example and the SQL's names read the derived columns.
        out += [""] + (try WorkedExample(context: plan.context ?? context).lines(pipeline, plan: plan))
        if detail.showsSQL {
            out += ["", MessageCatalog.text("explain.sql")]
            switch ExplainSQL(context: context).lowered(pipeline, plan: plan) {  // the session's catalog: the binder adds the derives itself
            case .success(let sql):
                out += sql.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
            case .failure(let reason):
                out.append("  " + reason.sentence)
            }
        }
        out += ["", MessageCatalog.text("explain.settings"), "  " + context.settings.describe(dataEnd: context.dataEnd)]
        if let more = detail.moreLine { out += ["", more] }
        return out.joined(separator: "\n")
    }

    private func sourceDescription(_ source: Source, _ plan: ColumnarPlan) -> String {
        var text: String
        switch source {
        case .events: text = MessageCatalog.text("explain.start_events")
        case .variable(let name): text = MessageCatalog.text("explain.start_variable", ["name": name.text])
        case .cohort(let cohort):
            let filters = (cohort.filters.map(SyntaxPrinter.inline) + cohort.behaviours.map(\.text)).joined(separator: " and ")
            text = filters.isEmpty ? MessageCatalog.text("explain.start_everyone") : MessageCatalog.text("explain.start_cohort", ["filters": filters])
            if let grouping = cohort.grouping {
                let period = plan.grouping?.period != nil ? " \(grouping.period?.value.rawValue ?? context.settings.period.rawValue)" : ""
                text += MessageCatalog.text("explain.cohort_grouping", ["dimension": grouping.dimension.text, "period": period])
            }
        }
        return text
    }

    private func stageDescription(_ stage: Stage) -> String {
        let names = (context.stageMap.events[stage] ?? []).joined(separator: ", ")
        switch stage {
        case .purchase: return MessageCatalog.text("explain.stage_purchase", ["events": names])
        case .retention: return MessageCatalog.text("explain.stage_retention", ["events": names])
        case .churn: return MessageCatalog.text("explain.stage_churn", ["events": names])
        default: return names
        }
    }

    private func retentionDescription(_ plan: ColumnarPlan) -> String {
        guard case .retention(let r) = plan.output else { return "" }
        let anchor = r.spec.kind.start.map { (r.spec.kind.recurring ? "" : "first ") + LogicalQuery.Retention.name(of: $0) }
            ?? (r.anchorOnFirstPurchase ? "first purchase" : "signup")
        var text = "retention: for each cohort, count customers active (\(r.activityName)) in each \(r.period.rawValue) after their \(anchor) \(r.period.rawValue)"
        if r.unbounded { text += ", or in any later one" }
        if r.percent { text += ", as % of the cohort's customers who had reached that \(r.period.rawValue) by as_of" }
        if !r.spec.kind.isPlain { text += "; " + RetentionKindText.describe(r.spec) }
        return text
    }

    /// The steps as labelled in the result (`stage awareness`, `purchase`). A name that is both an event and
    /// a stage is the event; explain says so where it happens, and what the first-purchase stage step means.
    private func funnelSteps(_ spec: FunnelSpec, _ plan: ColumnarPlan) -> String {
        guard case .funnel(let f) = plan.output else { return spec.steps.map(\.text).joined(separator: " → ") }
        return f.steps.map { step in
            switch step.match {
            case .event where Stage(named: step.name) != nil:
                "\(step.name) (the event, not the stage: write `stage \(step.name)` for the stage)"
            case .event: step.name
            case .stage(.purchase): "\(step.name) (each customer's first purchase)"
            case .stage: step.name
            }
        }.joined(separator: " → ")
    }

    private func funnelDescription(_ plan: ColumnarPlan) -> String {
        guard case .funnel(let f) = plan.output else { return "" }
        return " within \(DurationText.words(f.window)) of the first step, \(f.order.rawValue); each customer counts at the furthest step reached"
            + f.exclusions.map { "; an attempt with \($0.label) between steps \($0.from + 1) and \($0.to + 1) counts nowhere" }.joined()
            + (f.split.map { "; " + LogicalPlanPrinter.funnelSplit($0) } ?? "")
    }

    private func pathsDescription(_ plan: ColumnarPlan) -> String {
        guard case .paths(let p) = plan.output else { return "paths" }
        let cut = [p.from.map { "from the first \($0)" }, p.to.map { "up to the first \($0) after it" }].compactMap { $0 }
        return "cut each customer's in-scope events into sessions at gaps of \(DurationText.words(p.sessionGap)) or more, collapse repeated events"
            + (cut.isEmpty ? "" : ", keep each session " + cut.joined(separator: " ") + " (sessions without it dropped)")
            + ", keep the \(p.to == nil ? "first" : "last") \(p.steps) events of each path, and count each transition per (step, from, to)"
            + " with its distinct customers; the top \(p.edges) by count, then step, from, to"
    }
}
