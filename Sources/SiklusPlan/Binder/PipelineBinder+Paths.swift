import SiklusLanguage

/// `paths …` and the behavioural cohort filters (`did purchase >= 2 times within 30d of signup`).
extension PipelineBinder {
    func paths(_ spec: PathsSpec, span: SourceSpan) throws(Diagnostic) -> LogicalQuery.Paths {
        func event(_ name: Identifier?) throws(Diagnostic) -> String? {
            guard let name else { return nil }
            guard catalog.isEventName(name.text) else { throw EventNameSuggestion.unknown("event", name.text, at: name.span, among: catalog.eventNames ?? [], catalog: catalog) }
            return name.text
        }
        var gap = LogicalQuery.Paths.defaultSessionGap
        if let session = spec.session {
            // Calendar units count 30/90/365 days; anything past 1000 years is one session per customer.
            gap = min(session.value.approximateSeconds ?? .max, LogicalQuery.Paths.longestSessionGap)
        }
        return LogicalQuery.Paths(from: try event(spec.from), to: try event(spec.to), steps: Int(spec.steps?.value ?? Int64(LogicalQuery.Paths.defaultSteps)),
                                  sessionGap: gap, edges: Int(spec.edges?.value ?? Int64(LogicalQuery.Paths.defaultEdges)), span: span)
    }

    /// `filter` and-ed with each behavioural filter, in the order written.
    func behaviourFilter(_ nodes: [BehaviourFilterNode], and filter: RowFilter?) throws(Diagnostic) -> RowFilter? {
        var combined = filter
        for node in nodes {
            guard catalog.isEventName(node.event.text) else {
                throw EventNameSuggestion.unknown("event", node.event.text, at: node.event.span, among: catalog.eventNames ?? [], catalog: catalog)
            }
            var window = BehaviourCondition.Window.all
            if let written = node.window {
                let seconds = min(written.value.approximateSeconds ?? .max, LogicalQuery.Paths.longestSessionGap)
                window = node.ofSignup == nil ? .last(seconds: seconds) : .sinceSignup(seconds: seconds)
            }
            let comparison = node.count?.value ?? .init(op: .greaterEqual, count: 1)
            let did = RowFilter.did(BehaviourCondition(event: node.event.text, op: comparison.op, count: comparison.count, window: window),
                                    span: node.span)
            let bound: RowFilter = node.negated ? .not(did) : did
            combined = combined.map { .and($0, bound) } ?? bound
        }
        return combined
    }
}
