import SiklusLanguage

/// Warns when a `stage` or `where` step removes every purchase row while a metric of the query counts
/// purchases in scope (issue 15): `cohort | stage education | metric conversion_rate` is 0.0% because
/// `stage education` kept only the education events. The measures a metric reads come from its
/// `Metric.definition`, so a new metric is covered by what it is built from.
enum PurchaseRowsCheck {
    /// The measures counted over the purchase rows left in scope.
    static let purchaseMeasures: Set<MetricMeasure> = [.orders, .revenue, .purchasers, .repeaters, .returns]

    /// True for a metric read from purchase rows: through a purchase measure, or a median over orders or over
    /// each customer's revenue or orders.
    static func countsPurchaseRows(_ metric: Metric) -> Bool {
        if case .customerMedian = metric.definition { return true }
        return metric.definition.isMedian || !purchaseMeasures.isDisjoint(with: metric.definition.measures)
    }

    /// The warning for `query`, at the first step that leaves no purchase row, or nil.
    static func warning(_ query: LogicalQuery, catalog: Catalog) -> Diagnostic? {
        guard case .metrics(let metrics, _) = query.analysis else { return nil }
        let needing = metrics.filter(countsPurchaseRows)
        guard !needing.isEmpty else { return nil }
        let names = needing.map { "`\($0.rawValue)`" }.joined(separator: ", ")
        let purchases = Set(catalog.stageMap.purchaseEvents)
        for step in query.scope {
            switch step {
            // Lapsed customers never bought: no purchase in scope is their definition, not a dropped row.
            case .stage(let stage, let span) where stage != .purchase && stage != .retention && stage.hasEvents:
                let example = catalog.stageMap.events[stage]?.first(where: { catalog.isEventName($0) }) ?? catalog.stageMap.events[stage]?.first
                var hints = [MessageCatalog.text("guard.stage_no_purchase_funnel", ["stage": stage.name, "stage_name": stage.displayName()])]
                if let example { hints.append(MessageCatalog.text("guard.stage_no_purchase_cohort", ["event": example, "metric": needing[0].rawValue])) }
                return Diagnostic(MessageCatalog.text("guard.stage_no_purchase", ["stage": stage.name, "stage_name": stage.displayName(), "metrics": names]),
                                  at: span, hints: hints, severity: .warning)
            case .filter(let filter, let span) where PurchaseRowTruth.of(filter, purchases: purchases) == .never:
                return Diagnostic(MessageCatalog.text("guard.where_no_purchase", ["metrics": names]), at: span,
                                  hints: [MessageCatalog.text("guard.where_no_purchase_hint", ["event": purchases.sorted().first ?? "purchase"])],
                                  severity: .warning)
            default:
                continue
            }
        }
        return nil
    }
}

/// Whether a row filter holds for the purchase rows, told from the filter alone: a comparison of the
/// event name decides it; anything else (amount, channel, a customer column) may go either way.
enum PurchaseRowTruth: Equatable {
    case always, never, maybe

    static func of(_ filter: RowFilter, purchases: Set<String>) -> PurchaseRowTruth {
        switch filter {
        case .and(let a, let b):
            let (x, y) = (of(a, purchases: purchases), of(b, purchases: purchases))
            return x == .never || y == .never ? .never : (x == .always && y == .always ? .always : .maybe)
        case .or(let a, let b):
            let (x, y) = (of(a, purchases: purchases), of(b, purchases: purchases))
            return x == .always || y == .always ? .always : (x == .never && y == .never ? .never : .maybe)
        case .not(let a):
            switch of(a, purchases: purchases) {
            case .always: return .never
            case .never: return .always
            case .maybe: return .maybe
            }
        case .compare(.event, let op, .text(let name), _) where op == .equal || op == .notEqual:
            return equality(names: [name], negated: op == .notEqual, purchases: purchases)
        case .member(.event, let values, let negated, _):
            let names = values.compactMap { if case .text(let t) = $0 { t } else { nil } }
            guard names.count == values.count else { return .maybe }
            return equality(names: Set(names), negated: negated, purchases: purchases)
        default:
            return .maybe
        }
    }

    /// `event in names` (or `not in`) over the purchase events.
    private static func equality(names: Set<String>, negated: Bool, purchases: Set<String>) -> PurchaseRowTruth {
        guard !purchases.isEmpty else { return .maybe }
        let holds: PurchaseRowTruth = names.isDisjoint(with: purchases) ? .never : (purchases.isSubset(of: names) ? .always : .maybe)
        guard negated else { return holds }
        return holds == .never ? .always : (holds == .always ? .never : .maybe)
    }
}
