import SiklusLanguage
import SiklusStore

/// Everything a query reads: the store, the session's settings and stage map, and the derived
/// per-customer facts and event classes (cached by the session until data or stages change).
final class EvalContext: @unchecked Sendable {
    let store: Store
    let settings: SessionSettings
    let stageMap: StageMap
    let classes: EventClasses
    let facts: CustomerFacts
    /// First and last event time in the store (nil when there are no events).
    let dataStart: Int64?
    let dataEnd: Int64?
    /// The moment state metrics are evaluated at: `set as_of`, else the end of the last day with data.
    let asOf: Int64
    /// Polled by long loops; true after Ctrl-C.
    let isCancelled: @Sendable () -> Bool

    init(store: Store, settings: SessionSettings, stageMap: StageMap, classes: EventClasses, facts: CustomerFacts,
         isCancelled: @escaping @Sendable () -> Bool) {
        self.store = store
        self.settings = settings
        self.stageMap = stageMap
        self.classes = classes
        self.facts = facts
        self.isCancelled = isCancelled
        dataStart = facts.eventSpan?.lowerBound
        dataEnd = facts.eventSpan?.upperBound
        // Clamped: the last day of a time near Int64.max ends at the end of time, not in an overflow trap.
        let endOfLastDay = dataEnd.map { end -> Int64 in
            let (next, overflow) = (CivilTime.day(of: end) + 1).multipliedReportingOverflow(by: CivilTime.secondsPerDay)
            return overflow ? Int64.max : next - 1
        } ?? 0
        asOf = settings.asOf ?? endOfLastDay
    }

    var customerCount: Int { store.customerIDs.count }

    /// Distinct event names in the data, alphabetically.
    private(set) lazy var eventNames: [String] = {
        let seen = facts.eventCodesPresent
        return seen.indices.filter { seen[$0] }.map { store.strings[Int32($0)] }.sorted()
    }()

    /// What the binder may know of this data: columns, stage map, settings, event names, the amount.
    /// - Complexity: O(events) once (event names; whether any amount is present), then cached.
    private(set) lazy var catalog = Catalog(store: store, stageMap: stageMap, settings: settings, eventNames: eventNames,
                                            missingAmount: MissingAmount(store))

    func calendar(_ unit: PeriodUnit) -> PeriodCalendar { PeriodCalendar(unit, weekStart: settings.weekStart) }

    /// A period lookup table over the data's span.
    func periodTable(_ unit: PeriodUnit) -> PeriodTable {
        PeriodTable(calendar(unit), minSeconds: min(dataStart ?? 0, signupMin), maxSeconds: max(dataEnd ?? 0, asOf))
    }

    /// The earliest signup (from the facts' pass: every period table needs it).
    private var signupMin: Int64 { facts.earliestSignup ?? (dataStart ?? 0) }

    /// Throws when the user pressed Ctrl-C.
    func checkCancelled() throws(Diagnostic) {
        if isCancelled() { throw Diagnostic("query cancelled", at: nil) }
    }
}
