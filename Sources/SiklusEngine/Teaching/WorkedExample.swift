import SiklusLanguage
import SiklusStore

/// The worked example of `explain`: one real customer followed through the pipeline, numbered like
/// the plan, showing what each step keeps of them and what they add to each metric.
///
/// The customer is the first in scope, in load order, who makes every metric non-trivial (bought
/// twice for `repeat_rate`, has an engagement event for `engagement`, …), else the first who makes
/// the first metric non-trivial, else the first in scope.
struct WorkedExample {
    let context: EvalContext

    /// The section's lines (title first); a single line when nobody is in scope.
    func lines(_ pipeline: Pipeline, plan: ColumnarPlan) throws(Diagnostic) -> [String] {
        var scope: Scope
        switch plan.source {
        case .events: scope = Scope.allEvents(context)
        case .cohort(let filter): scope = Scope.cohort(filter, context)
        }
        scope.grouping = plan.grouping
        var scopes = [scope]
        for step in plan.scopeSteps {
            switch step {
            case .stage(let stage): scope.keepStage(stage, context)
            case .filter(let predicate): scope.keep(where: predicate, context)
            case .funnelDropOff(let funnel, let n):
                let kept = (try? FunnelDropOff.customers(funnel, step: n, scope: scope, context)) ?? []
                scope.narrowCustomers(kept.contains)
            }
            scopes.append(scope)
        }
        let criteria = ExampleCriteria(context: context, plan: plan)
        guard let (customer, reason) = criteria.choose(in: scope) else {
            return [MessageCatalog.text("example.title"), "  " + MessageCatalog.text("example.nobody")]
        }
        let contributions = ExampleContributions(customer: customer, scope: scope, plan: plan)
        var out = [MessageCatalog.text("example.heading", ["customer": customer.id, "reason": reason])]
        func line(_ number: Int, _ text: String) {
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
            out.append("  \(number). " + parts[0])
            out += parts.dropFirst().map { "     " + $0 }
        }
        line(1, sourceLine(pipeline.source.kind, customer, plan))
        var number = 1, scopeIndex = 0, dimensionIndex = 0
        var hasOutput = false
        for step in pipeline.steps {
            number += 1
            switch step.kind {
            case .stage(let name):
                scopeIndex += 1
                line(number, stageLine(Stage(named: name.text), customer, before: scopes[scopeIndex - 1], after: scopes[scopeIndex]))
            case .filter(let condition):
                scopeIndex += 1
                line(number, filterLine(condition, customer, before: scopes[scopeIndex - 1], after: scopes[scopeIndex]))
            case .groupBy(let names):
                let count = names.filter { !($0.parts.count == 1 && $0.name.lowercased == "cohort" && plan.grouping != nil) }.count
                let dimensions = Array(plan.dimensions[dimensionIndex..<min(plan.dimensions.count, dimensionIndex + count)])
                dimensionIndex += count
                line(number, groupLine(dimensions, customer, scope))
            case .derive(let spec):
                line(number, deriveLine(spec, customer))
            case .dropped(let n):
                scopeIndex += 1
                line(number, MessageCatalog.text("example.dropped", ["n": String(n.value), "next": String(n.value + 1), "customer": customer.id,
                                                                 "count": String(scopes[scopeIndex].customers.count)]))
            case .funnel where pipeline.steps.contains(where: { if case .dropped = $0.kind { true } else { false } }):
                continue   // described at its `dropped`
            case .metrics, .retention, .funnel, .rows, .customerValue, .paths, .lifecycleTrend, .stickiness:
                hasOutput = true
                line(number, contributions.text())
            case .sort, .top, .bottom, .limit, .plot, .export, .detail, .histogram:
                continue
            }
        }
        if !hasOutput { line(number + 1, contributions.text()) }
        if let result = contributions.resultRow() { out.append("     " + result) }
        return out
    }

    private func sourceLine(_ source: Source, _ customer: ExampleCustomer, _ plan: ColumnarPlan) -> String {
        var text: String
        switch source {
        case .events:
            text = MessageCatalog.text("example.source_events", ["events": ExampleCustomer.count(customer.allRows.count, "event")])
        case .cohort(let cohort):
            let values = cohort.filters.flatMap { columns(in: $0) }.map { name, attribute in "\(name) \(customer.value(attribute))" }
            let behaviours = behaviourValues(plan.logical.source, customer)
            text = values.isEmpty && behaviours.isEmpty ? MessageCatalog.text("example.source_everyone")
                : MessageCatalog.text("example.source_cohort", ["values": (unique(values) + behaviours).joined(separator: ", ")])
        case .variable(let name):
            text = MessageCatalog.text("example.source_variable", ["name": name.text])
        }
        if let grouping = plan.grouping {
            text += MessageCatalog.text("example.source_grouping", ["cohort": grouping.labels[grouping.key(customer.code, -1)]])
        }
        return text
    }

    private func stageLine(_ stage: Stage?, _ customer: ExampleCustomer, before: Scope, after: Scope) -> String {
        let kept = customer.rows(in: after)
        guard let stage else { return "" }
        if stage == .lapsed { return MessageCatalog.text("example.stage_lapsed", ["story": LapseStory.text(customer), "kept": customer.list(kept)]) }
        if stage == .churn {
            let story = ChurnStory(customer: customer)
            return MessageCatalog.text("example.stage_churn", ["story": story.text, "kept": customer.list(kept)])
        }
        let all = customer.rows(in: before)
        return MessageCatalog.text("example.stage_kept", ["kept": String(kept.count), "events": ExampleCustomer.count(all.count, "event"),
                                                          "stage": stage.displayName(), "list": customer.list(kept)])
    }

    private func filterLine(_ condition: ExpressionNode, _ customer: ExampleCustomer, before: Scope, after: Scope) -> String {
        let all = customer.rows(in: before), kept = customer.rows(in: after)
        let references = columns(in: condition, preferEvents: true)
        if references.allSatisfy({ $0.1.isCustomerLevel }) {
            return MessageCatalog.text("example.still_in_scope", ["values": unique(references.map { "\($0.0) \(customer.value($0.1))" }).joined(separator: ", ")])
        }
        return MessageCatalog.text("example.filter_kept", ["kept": String(kept.count), "events": ExampleCustomer.count(all.count, "event"), "list": customer.list(kept)])
    }

    private func groupLine(_ dimensions: [Dimension], _ customer: ExampleCustomer, _ scope: Scope) -> String {
        let rows = customer.rows(in: scope)
        return dimensions.map { dimension in
            if dimension.isCustomerLevel {
                return MessageCatalog.text("example.group", ["name": dimension.name, "label": dimension.labels[dimension.key(customer.code, -1)]])
            }
            var counts: [(String, Int)] = []
            for r in rows {
                let label = dimension.labels[dimension.key(customer.code, r)]
                if let i = counts.firstIndex(where: { $0.0 == label }) { counts[i].1 += 1 } else { counts.append((label, 1)) }
            }
            let shown = counts.prefix(4).map { "\($0.0) (\(ExampleCustomer.count($0.1, "event")))" }.joined(separator: ", ")
            return MessageCatalog.text("example.group_events", ["name": dimension.name, "groups": shown + (counts.count > 4 ? ExampleCustomer.more(counts.count - 4) : "")])
        }.joined(separator: "; ")
    }

    /// The column names a condition reads, as written, with what they resolve to.
    private func columns(in node: ExpressionNode, preferEvents: Bool = false) -> [(String, Attribute)] {
        switch node.kind {
        case .and(let a, let b), .or(let a, let b): return columns(in: a, preferEvents: preferEvents) + columns(in: b, preferEvents: preferEvents)
        case .not(let a): return columns(in: a, preferEvents: preferEvents)
        case .comparison(let left, _, _), .membership(let left, _, _):
            guard case .column(let name) = left.kind,
                  let attribute = try? Attribute.resolve(name, in: context.store, preferEvents: preferEvents) else { return [] }
            return [(name.text, attribute)]
        case .column, .literal, .range: return []
        }
    }

    private func unique(_ texts: [String]) -> [String] {
        var seen = Set<String>()
        return texts.filter { seen.insert($0).inserted }
    }
}
