import SiklusLanguage

/// `lifecycle` and `stickiness`, checked against the catalog.
extension PipelineBinder {
    func lifecycleTrend(_ options: LifecycleTrendOptions, scope: [LogicalQuery.ScopeStep], span: SourceSpan) throws(Diagnostic) -> LogicalQuery.LifecycleTrend {
        var activity = LogicalQuery.Retention.Activity.anyEvent
        switch options.activity?.value {
        case nil, .anyEvent?: break
        case .purchase?: activity = .purchase
        case .event(let name)?:
            guard catalog.isEventName(name.text) else {
                throw EventNameSuggestion.unknown("event", name.text, at: name.span, among: catalog.eventNames ?? [], catalog: catalog)
            }
            activity = .event(name.text)
        }
        return LogicalQuery.LifecycleTrend(period: options.period?.value ?? settings.period, activity: activity,
                                           bounds: ScopeTimeBounds(scope), span: span)
    }

    func stickiness(_ options: StickinessOptions, scope: [LogicalQuery.ScopeStep], span: SourceSpan) -> LogicalQuery.Stickiness {
        LogicalQuery.Stickiness(period: options.period?.value ?? .day, bounds: ScopeTimeBounds(scope), span: span)
    }

    /// Lifecycle and stickiness count customers once per period, so they split by customer attributes only.
    func checkTrendGrouping(_ query: LogicalQuery) throws(Diagnostic) {
        let keyword: String
        switch query.analysis {
        case .lifecycleTrend: keyword = "lifecycle"
        case .stickiness: keyword = "stickiness"
        default: return
        }
        if let dimension = query.dimensions.first(where: { !$0.isCustomerLevel }) {
            throw Diagnostic(MessageCatalog.text("bind.trend_by_events", ["step": keyword, "name": dimension.name]), at: dimension.span ?? query.span,
                             hints: [MessageCatalog.text("bind.trend_by_events_hint", ["step": keyword])])
        }
    }
}
