import SiklusLanguage

/// The retention kind options (`start`, `recurring`, `rolling`, `brackets`, `min_events`, `value`,
/// `| detail`), checked against each other and the catalog.
extension PipelineBinder {
    /// An `on`/`start` name: the event when the data has one by that name, else the stage (as funnel steps).
    func retentionActivity(_ name: Identifier) throws(Diagnostic) -> LogicalQuery.Retention.Activity {
        if catalog.isEventName(name.text), isEvent(name.text) { return .event(name.text) }
        if let stage = Stage(named: name.text) { try stage.checkHasEvents(at: name.span); return .stage(stage) }
        throw EventNameSuggestion.unknown("event or stage", name.text, at: name.span, among: (catalog.eventNames ?? []) + Stage.allNames, catalog: catalog)
    }

    func retentionKind(_ options: RetentionOptions, of retention: LogicalQuery.Retention, span: SourceSpan) throws(Diagnostic) -> LogicalQuery.Retention.Kind {
        var kind = LogicalQuery.Retention.Kind()
        switch options.start?.value {
        case nil: break
        case .purchase?: kind.start = .purchase
        case .anyEvent?: kind.start = .anyEvent
        case .event(let name)?: kind.start = try retentionActivity(name)
        }
        kind.recurring = options.isRecurring
        if options.isRecurring, kind.start == nil {
            throw Diagnostic("`recurring` needs a start event", at: options.start?.span ?? span,
                             hints: ["for example `retention start login recurring`"])
        }
        if options.isRolling {
            guard LogicalQuery.Retention.rollingLength(retention.period) != nil else {
                throw Diagnostic("`rolling` counts 24-hour days, 7-day weeks or 30-day months, not \(retention.period.rawValue)s",
                                 at: options.period?.span ?? span,
                                 hints: ["write `retention rolling period day|week|month`"])
            }
            if options.isRecurring {
                throw Diagnostic("`rolling` and `recurring` do not combine: recurring cohorts are calendar periods",
                                 at: span, hints: ["drop one of them"])
            }
        }
        kind.rolling = options.isRolling
        if let brackets = options.brackets {
            if let horizon = options.horizon {
                throw Diagnostic("`brackets` sets the columns, so `horizon` does not apply", at: horizon.span, hints: ["drop `horizon`"])
            }
            kind.brackets = brackets.value.map { Int($0) }
        }
        kind.minEvents = Int(options.minEvents?.value ?? 1)
        if let value = options.value {
            if value.value == .revenue, let hints = catalog.missingAmountHints {
                throw Diagnostic("`value revenue` needs the amount role, and no events column has it", at: value.span, hints: hints)
            }
            kind.value = value.value == .revenue ? .revenue : .orders
        }
        if let value = options.value, options.isUnbounded {
            throw Diagnostic("`unbounded` counts customers, not \(value.value.rawValue)", at: value.span, hints: ["drop `unbounded` or `value`"])
        }
        return kind
    }

    /// `| detail`: only after `retention`.
    func retentionDetail(_ query: inout LogicalQuery, step: StepNode) throws(Diagnostic) {
        guard case .retention(var retention) = query.analysis else {
            throw Diagnostic("`detail` adds each retention cell's base; it follows `retention`", at: step.span,
                             hints: ["for example `cohort by signup period month | retention percent | detail`"])
        }
        retention.kind.detail = true
        query.analysis = .retention(retention)
    }

    /// With `start`, the cohorts are the periods of the anchors, so the source cannot group them too.
    func checkRetentionGrouping(_ query: LogicalQuery) throws(Diagnostic) {
        guard case .retention(let retention) = query.analysis, retention.kind.start != nil, let grouping = query.grouping else { return }
        throw Diagnostic("with `start`, each cohort is the period of its start event, so the source cannot group customers too",
                         at: grouping.dimension.span ?? query.span,
                         hints: ["filter the cohort instead (`cohort channel=social | retention start login`), or drop `start`"])
    }
}
