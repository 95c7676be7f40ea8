import SiklusStore

/// Per-customer facts every lifecycle question needs, computed once per store and stage map in one
/// linear scan of the customer index (on all cores) and then read by array index.
///
/// A store's first query pays for this scan (a "cold" query, issue 16), so it computes only what every
/// canonical question reads, plus the store-wide summaries the `EvalContext` needs (span of the data, earliest
/// signup, the event names present) that were separate serial passes; the acquisition channel, read only by
/// channel groupings and spend, is computed on first use.
struct CustomerFacts: Sendable {
    static let none: Int64 = .min

    /// First and last event time, or `none` (read from the customer index, not stored).
    let firstEvent: CustomerEventTimes
    let lastEvent: CustomerEventTimes
    /// Row of the first purchase event (with an order column: the first row of the first order), or -1.
    var firstPurchaseRow: [Int32]
    /// Time of the first purchase, or `none`.
    var firstPurchase: [Int64]
    /// `OrderIndex` flags per event row when the events have an order column; empty otherwise, so scans
    /// without one pay nothing and count each purchase row as an order.
    var orderFlags: [UInt8]
    /// Returns in the whole store (0 without an order column).
    var returns: Int
    /// `customers.signup` when that column is loaded and has a value, else the first event; or `none`.
    var signup: [Int64]
    /// The earliest and latest event time of the store (nil without events).
    let eventSpan: ClosedRange<Int64>?
    /// The earliest and latest `signup` (nil when no customer has one).
    let signupSpan: ClosedRange<Int64>?
    /// The earliest and latest `firstPurchase` (nil when no customer bought).
    let firstPurchaseSpan: ClosedRange<Int64>?
    /// The earliest `signup` (nil when no customer has one).
    var earliestSignup: Int64? { signupSpan?.lowerBound }
    /// Per string code: whether some event row has that event name.
    let eventCodesPresent: [Bool]
    private let acquisition: OnFirstUse<[Int32]>

    /// `customers.channel` when loaded and present, else the channel of the customer's first event; -1 if none.
    /// - Complexity: O(customers + events) on all cores the first time, then O(1). Read it once per query, not per customer.
    var acquisitionChannel: [Int32] { acquisition.value }
    /// Whether a query has read `acquisitionChannel` yet (a test hook).
    var acquisitionIsComputed: Bool { acquisition.isComputed }

    /// - Complexity: O(customers + events), one pass on all cores (`CustomerFactsScan`), plus the order index's
    ///   pass when the events have an order column.
    init(store: Store, classes: EventClasses) {
        let events = store.events
        let orders = events.orderCodes.map { codes in
            OrderIndex(events: events, codes: codes, strings: store.strings,
                       isPurchase: classes.flags.map { $0 & EventClasses.purchase != 0 })
        }
        let orderFlags = orders?.rowFlags ?? []
        let scan = CustomerFactsScan(store: store)
        let facts = scan.run(count: store.customerIDs.count, events: events, classes: classes, orderFlags: orderFlags)
        firstEvent = CustomerEventTimes(events, .first)
        lastEvent = CustomerEventTimes(events, .last)
        firstPurchase = facts.firstPurchase
        firstPurchaseRow = facts.firstPurchaseRow
        self.orderFlags = orderFlags
        returns = orders?.returns ?? 0
        signup = facts.signup
        eventSpan = facts.eventSpan
        signupSpan = facts.signupSpan
        firstPurchaseSpan = facts.firstPurchaseSpan
        eventCodesPresent = facts.eventCodesPresent
        let count = store.customerIDs.count
        acquisition = OnFirstUse { scan.acquisitionChannels(count: count, events: events) }
    }
}
