import SiklusLanguage

/// The result step of a pipeline: metrics, retention or funnel, checked against the catalog.
extension PipelineBinder {
    func metrics(_ names: [Identifier], span: SourceSpan) throws(Diagnostic) -> [Metric] {
        var metrics: [Metric] = []
        for name in names {
            guard let metric = Metric(named: name.lowercased) else {
                if let hint = MetricSynonyms.hint(for: name.lowercased) { throw Diagnostic(MessageCatalog.text("diag.unknown", ["what": MessageCatalog.noun("metric"), "word": name.text]), at: name.span, hints: [hint]) }
                throw Diagnostic.unknown("metric", name.text, at: name.span, among: Metric.allNames, fallbackHint: MessageCatalog.text("diag.see_help_metrics"))
            }
            if metric.needsSpend && !catalog.spend.isLoaded {
                throw Diagnostic(MessageCatalog.text("bind.needs_spend", ["metric": metric.rawValue]), at: name.span)
            }
            if metric.readsAmount, let missing = catalog.missingAmount {
                throw Diagnostic(MessageCatalog.text("bind.needs_amount", ["what": metric.rawValue]), at: name.span, hints: missing.hints)
            }
            try checkOrderMetricInputs(metric, at: name.span)
            metrics.append(metric)
        }
        if let special = metrics.first(where: \.hasOwnShape), metrics.count > 1 {
            throw Diagnostic(MessageCatalog.text("bind.metric_alone", ["metric": special.rawValue]), at: span)
        }
        return metrics
    }

    func retention(_ options: RetentionOptions, groupingPeriod: PeriodUnit?, anchorsOnFirstPurchase: Bool,
                           span: SourceSpan) throws(Diagnostic) -> LogicalQuery.Retention {
        var activity = LogicalQuery.Retention.Activity.purchase
        switch options.activity?.value {
        case nil, .purchase?: break
        case .anyEvent?: activity = .anyEvent
        case .event(let name)?:
            activity = try retentionActivity(name)
        }
        let horizon = try options.horizon.map { n throws(Diagnostic) -> Int in
            guard n.value >= 0, n.value <= StepLimits.horizon else { throw Diagnostic(MessageCatalog.text("bind.horizon_max", ["max": String(StepLimits.horizon)]), at: n.span) }
            return Int(n.value)
        }
        var retention = LogicalQuery.Retention(period: options.period?.value ?? groupingPeriod ?? settings.period, percent: options.isPercent,
                                               activity: activity, unbounded: options.isUnbounded, horizon: horizon,
                                               anchorsOnFirstPurchase: anchorsOnFirstPurchase, span: span)
        retention.kind = try retentionKind(options, of: retention, span: span)
        return retention
    }

    func funnel(_ spec: FunnelSpec, span: SourceSpan) throws(Diagnostic) -> LogicalQuery.Funnel {
        var steps: [LogicalQuery.Funnel.Step] = []
        for (i, name) in spec.steps.enumerated() {
            let (label, match) = try funnelMatch(name, isStage: spec.stageSteps.contains(i))
            steps.append(.init(label: label, match: match))
        }
        var window = LogicalQuery.Funnel.defaultWindow
        if let written = spec.window {
            guard written.value.value > 0 else { throw Diagnostic(MessageCatalog.text("bind.funnel_window"), at: written.span) }
            // Any window longer than recorded history means "no limit"; capping it keeps time arithmetic in range.
            window = min(written.value.approximateSeconds ?? .max, LogicalQuery.Funnel.longestWindow)
        }
        var funnel = LogicalQuery.Funnel(steps: steps, window: window, order: spec.order?.value ?? .ordered, span: span)
        try bindFunnelParts(spec, into: &funnel)
        return funnel
    }

    /// A step's name: a name that is both an event and a stage is the event, as in PostHog (`purchase`:
    /// every purchase event); `stage purchase` is the stage (the first purchase). Stage steps are labelled `stage …`.
    func funnelMatch(_ name: Identifier, isStage: Bool) throws(Diagnostic) -> (label: String, match: LogicalQuery.Funnel.Match) {
        if isStage {
            guard let stage = Stage(named: name.text) else {
                throw Diagnostic.unknown("stage", name.text, at: name.span, among: Stage.allNames)
            }
            try stage.checkHasEvents(at: name.span)
            return ("stage " + stage.name, .stage(stage))
        } else if isEvent(name.text) {
            return (name.text, .event(name.text))
        } else if let stage = Stage(named: name.text) {
            try stage.checkHasEvents(at: name.span)
            return ("stage " + stage.name, .stage(stage))
        }
        throw EventNameSuggestion.unknown("stage or event", name.text, at: name.span, among: Stage.allNames + (catalog.eventNames ?? []), catalog: catalog)
    }

    /// Whether a funnel step's name is an event. When the catalog does not list event names, a stage's name
    /// is the stage unless the stage map lists it as an event (`purchase` is an event by default).
    func isEvent(_ name: String) -> Bool {
        if let names = catalog.eventNames { return names.contains(name) }
        return Stage(named: name) == nil || catalog.stageMap.events.values.contains { $0.contains(name) }
    }
}
