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
    /// The `let` variable the pipeline starts from and its own warnings, shown under its name.
    var variableWarnings: (Identifier, [Diagnostic])?

    func explain(_ pipeline: Pipeline, original: Pipeline, source: SourceFile) throws(Diagnostic) -> String {
        let bound = try Binder(catalog: context.catalog).bind(pipeline)
        // The guardrails' review, as a run makes it: the plan explained is the plan run.
        let (logical, warnings) = PlanWarnings.review(bound, data: StoreValues.of(context), catalog: context.catalog)
        let plan = try ColumnarCompiler.compile(logical, context)
        var out = [MessageCatalog.text("explain.query"), "  " + source[original.span]]
        let shown = variableWarnings.map { VariableWarnings.relocate(warnings, ownWarnings: $0.1, name: $0.0) } ?? warnings
        out += ExplainWarnings.lines(shown, statement: original.span, in: source)
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
                let use = spec.name.lowercased == "amount" ? MessageCatalog.text("explain.plan.derive_amount") : ""
                line(MessageCatalog.text("explain.plan.derive", ["name": spec.name.text, "expression": SyntaxPrinter.inline(spec.expression), "use": use]))
            case .rows(let n):
                let limit = n?.value ?? Int64(RowsPlan.defaultLimit)
                if case .rows(let rows) = plan.output, rows.listsCustomers {
                    line(MessageCatalog.text("explain.plan.rows_customers", ["count": String(limit)]))
                } else {
                    line(MessageCatalog.text("explain.plan.rows_events", ["count": String(limit)]))
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
            case .funnel(let spec): line(MessageCatalog.text("explain.plan.funnel", ["steps": funnelSteps(spec, plan)]) + funnelDescription(plan))
            case .paths: line(pathsDescription(plan))
            case .lifecycleTrend, .stickiness: for text in TrendTrace.words(plan.output) { line(text) }
            case .histogram:
                line(MessageCatalog.text("explain.plan.histogram"))
            case .dropped(let n):
                line(MessageCatalog.text("explain.plan.dropped", ["n": String(n.value), "next": String(n.value + 1)]))
            case .sort(let keys):
                line(MessageCatalog.text("explain.sort", ["keys": keys.map { $0.column.text + ($0.direction.map { " \($0.value.rawValue)" } ?? "") }.joined(separator: ", ")]))
            case .top(let k): line(MessageCatalog.text("explain.top", ["count": String(k.value)]))
            case .bottom(let k): line(MessageCatalog.text("explain.bottom", ["count": String(k.value)]))
            case .limit(let k): line(MessageCatalog.text("explain.limit", ["count": String(k.value)]))
            case .plot: line(MessageCatalog.text("explain.plot"))
            case .export(let path): line(MessageCatalog.text("explain.export", ["path": path.value]))
            case .detail: line(MessageCatalog.text("explain.plan.detail"))
            case .customerValue(let spec): line(CustomerValueExplanation.planLine(spec))
            }
        }
        if case .metrics(let metrics, _) = plan.output {
            if !pipeline.steps.contains(where: { if case .metrics = $0.kind { true } else { false } }) {
                line(MessageCatalog.text("explain.compute_default"))
            }
            out += ["", MessageCatalog.text("explain.formulas")]
            let orderLevel = context.store.events.orderColumn != nil
            for metric in metrics { out.append("  \(metric.rawValue) = \(metric.localizedFormula(orderLevel: orderLevel))") }
            out += plan.logical.metricOptions.localizedFormulas.map { "  " + $0 }
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
            let filters = (cohort.filters.map(SyntaxPrinter.inline) + cohort.behaviours.map(\.text)).joined(separator: " " + MessageCatalog.text("explain.word.and") + " ")
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
        let period = ExplainWords.period(r.period)
        let anchor = r.spec.kind.start.map { MessageCatalog.text(r.spec.kind.recurring ? "explain.plan.anchor_event" : "explain.plan.anchor_first_event", ["event": LogicalQuery.Retention.name(of: $0)]) }
            ?? MessageCatalog.text(r.anchorOnFirstPurchase ? "explain.plan.anchor_first_purchase" : "explain.plan.anchor_signup")
        var text = MessageCatalog.text("explain.plan.retention", ["activity": r.activityName, "period": period, "anchor": anchor])
        if r.unbounded { text += MessageCatalog.text("explain.plan.retention_unbounded") }
        if r.percent { text += MessageCatalog.text("explain.plan.retention_percent", ["period": period]) }
        if !r.spec.kind.isPlain { text += "; " + RetentionKindWords.describe(r.spec) }
        return text
    }

    /// The steps as labelled in the result (`stage awareness`, `purchase`). A name that is both an event and
    /// a stage is the event; explain says so where it happens, and what the first-purchase stage step means.
    private func funnelSteps(_ spec: FunnelSpec, _ plan: ColumnarPlan) -> String {
        guard case .funnel(let f) = plan.output else { return spec.steps.map(\.text).joined(separator: " → ") }
        return f.steps.map { step in
            switch step.match {
            case .event where Stage(named: step.name) != nil:
                MessageCatalog.text("explain.plan.funnel_event_not_stage", ["name": step.name])
            case .event: step.name
            case .stage(.purchase): MessageCatalog.text("explain.plan.funnel_first_purchase", ["name": step.name])
            case .stage: step.name
            }
        }.joined(separator: " → ")
    }

    private func funnelDescription(_ plan: ColumnarPlan) -> String {
        guard case .funnel(let f) = plan.output else { return "" }
        return MessageCatalog.text("explain.plan.funnel_window", ["window": ExplainWords.duration(f.window), "order": f.order.rawValue])
            + f.exclusions.map { MessageCatalog.text("explain.plan.funnel_exclusion", ["event": $0.label, "from": String($0.from + 1), "to": String($0.to + 1)]) }.joined()
            + (f.split.map { "; " + ExplainWords.funnelSplit($0) } ?? "")
    }

    private func pathsDescription(_ plan: ColumnarPlan) -> String {
        guard case .paths(let p) = plan.output else { return "paths" }
        let cut = [p.from.map { MessageCatalog.text("explain.plan.paths_from", ["event": $0]) },
                   p.to.map { MessageCatalog.text("explain.plan.paths_to", ["event": $0]) }].compactMap { $0 }
        return MessageCatalog.text("explain.plan.paths", [
            "gap": ExplainWords.duration(p.sessionGap),
            "cut": cut.isEmpty ? "" : MessageCatalog.text("explain.plan.paths_cut", ["cut": cut.joined(separator: " ")]),
            "end": MessageCatalog.text(p.to == nil ? "explain.plan.paths_first" : "explain.plan.paths_last", ["steps": String(p.steps)]),
            "edges": String(p.edges),
        ])
    }
}
