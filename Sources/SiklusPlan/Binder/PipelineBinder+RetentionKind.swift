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
            throw Diagnostic(MessageCatalog.text("bind.retention.recurring"), at: options.start?.span ?? span, hints: [MessageCatalog.text("bind.retention.recurring_hint")])
        }
        if options.isRolling {
            guard LogicalQuery.Retention.rollingLength(retention.period) != nil else {
                throw Diagnostic(MessageCatalog.text("bind.retention.rolling_unit", ["unit": retention.period.rawValue]), at: options.period?.span ?? span,
                                 hints: [MessageCatalog.text("bind.retention.rolling_unit_hint")])
            }
            if options.isRecurring {
                throw Diagnostic(MessageCatalog.text("bind.retention.rolling_recurring"), at: span, hints: [MessageCatalog.text("bind.retention.drop_one")])
            }
        }
        kind.rolling = options.isRolling
        if let brackets = options.brackets {
            if let horizon = options.horizon {
                throw Diagnostic(MessageCatalog.text("bind.retention.brackets_horizon"), at: horizon.span, hints: [MessageCatalog.text("bind.retention.drop_horizon")])
            }
            kind.brackets = brackets.value.map { Int($0) }
        }
        kind.minEvents = Int(options.minEvents?.value ?? 1)
        if let value = options.value {
            if value.value == .revenue, let missing = catalog.missingAmount {
                throw Diagnostic(MessageCatalog.text("bind.needs_amount", ["what": "`value revenue`"]), at: value.span, hints: missing.hints)
            }
            kind.value = value.value == .revenue ? .revenue : .orders
        }
        if let value = options.value, options.isUnbounded {
            throw Diagnostic(MessageCatalog.text("bind.retention.unbounded_value", ["value": value.value.rawValue]), at: value.span, hints: [MessageCatalog.text("bind.retention.unbounded_value_hint")])
        }
        return kind
    }

    /// `| detail`: only after `retention`.
    func retentionDetail(_ query: inout LogicalQuery, step: StepNode) throws(Diagnostic) {
        guard case .retention(var retention) = query.analysis else {
            throw Diagnostic(MessageCatalog.text("bind.retention.detail"), at: step.span, hints: [MessageCatalog.text("bind.retention.detail_hint")])
        }
        retention.kind.detail = true
        query.analysis = .retention(retention)
    }

    /// With `start`, the cohorts are the periods of the anchors, so the source cannot group them too.
    func checkRetentionGrouping(_ query: LogicalQuery) throws(Diagnostic) {
        guard case .retention(let retention) = query.analysis, retention.kind.start != nil, let grouping = query.grouping else { return }
        throw Diagnostic(MessageCatalog.text("bind.retention.start_grouped"), at: grouping.dimension.span ?? query.span,
                         hints: [MessageCatalog.text("bind.retention.start_grouped_hint")])
    }
}
