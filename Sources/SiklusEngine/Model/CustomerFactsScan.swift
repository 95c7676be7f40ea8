import SiklusStore

/// The one pass behind `CustomerFacts`: per customer, its CSR range of rows read through raw pointers, every
/// fact written once into uninitialised arrays by the core that owns that customer.
///
/// Why it is shaped so: the facts are most of a store's first query (issue 16, "cold" queries). The arrays
/// are never zero-filled first (the facts' arrays, tens of MB at 1M customers, were a serial `memset` and its
/// page faults before the parallel part started); the customers-table columns are unwrapped once, not matched
/// per customer; nothing is retained or allocated per customer; the store-wide summaries the query context
/// needs (span, earliest signup, event names present) and the cohort dimensions' spans (signup, first purchase)
/// come out of the same pass instead of serial ones of their own; the first and last event times are not
/// written at all (`CustomerEventTimes` reads them from the customer index); each customer's first purchase is
/// found in a bit per row built first by a flat pass (`PurchaseRows`), not by a loop over its rows; and the
/// output arrays are asked for 2 MiB pages (`HugePageAdvice`).
struct CustomerFactsScan: Sendable {
    struct Facts {
        var firstPurchase: [Int64] = [], signup: [Int64] = []
        var firstPurchaseRow: [Int32] = []
        var eventSpan: ClosedRange<Int64>?, signupSpan: ClosedRange<Int64>?, firstPurchaseSpan: ClosedRange<Int64>?
        var eventCodesPresent: [Bool] = []
    }

    /// Customers-table values read by index (empty when that column is not loaded or not of the expected kind).
    let signupValues: [Int64], signupNulls: [Bool]
    let channelCodes: [Int32]
    let stringCount: Int

    init(store: Store) {
        if let column = store.customers.column(for: .signup), case .int64(let values) = column.data {
            (signupValues, signupNulls) = (values, column.nulls ?? [])
        } else {
            (signupValues, signupNulls) = ([], [])
        }
        if let column = store.customers.column(for: .channel), case .code(let codes) = column.data { channelCodes = codes } else { channelCodes = [] }
        stringCount = store.strings.count
    }

    /// What one part of the customers adds to the store-wide summaries.
    private struct Summary {
        var first = Int64.max, last = Int64.min, signup = Int64.max, lastSignup = Int64.min
        var firstPurchase = Int64.max, lastFirstPurchase = Int64.min
        var present: [Bool]
    }

    /// The facts of customers `0..<count`; a purchase row is one whose event has `EventClasses.purchase`, or with
    /// `orderFlags` one that starts an order.
    /// - Complexity: O(customers + events), on all cores.
    func run(count n: Int, events: EventTable, classes: EventClasses, orderFlags: [UInt8]) -> Facts {
        // Each part marks the event names it sees in an array of `stringCount` flags, merged below: more parts
        // than cores only while those arrays stay small beside the customers (not with millions of order ids).
        let parts = stringCount <= n / 16 ? Parallel.balancedRanges(n) : Parallel.ranges(n)
        var facts = Facts()
        // A signup for every customer (the usual customers file): the facts share the column's array, unwritten.
        let sharesSignup = signupValues.count == n && !signupNulls.contains(true)
        let signupCount = sharesSignup ? 0 : n
        var summaries: [Summary] = []
        // Every element of every array is written by exactly one part below.
        facts.firstPurchase = .init(unsafeUninitializedCapacity: n) { firstPurchaseOut, set in
        facts.signup = .init(unsafeUninitializedCapacity: signupCount) { signupOut, set in
        facts.firstPurchaseRow = .init(unsafeUninitializedCapacity: n) { firstPurchaseRowOut, set in
            if n > 0 {
                // Written once, whole, by the parts below: 2 MiB pages take a fault per 2 MiB, not per 4 KiB.
                HugePageAdvice.advise(firstPurchaseOut.baseAddress, count: n, minimumBytes: 4 << 20)
                HugePageAdvice.advise(firstPurchaseRowOut.baseAddress, count: n, minimumBytes: 4 << 20)
                HugePageAdvice.advise(signupOut.baseAddress, count: signupCount, minimumBytes: 4 << 20)
                let out = SendableBox((firstPurchaseOut.baseAddress!, sharesSignup ? nil : signupOut.baseAddress, firstPurchaseRowOut.baseAddress!))
                summaries = Parallel.map(parts.count) { k in
                    scan(parts[k], events: events, classes: classes, orderFlags: orderFlags, into: out.value)
                }
            }
            set = n
        }; set = signupCount }; set = n }
        if sharesSignup { facts.signup = signupValues }
        var total = Summary(present: [Bool](repeating: false, count: stringCount))
        for part in summaries {
            total.first = min(total.first, part.first)
            total.last = max(total.last, part.last)
            total.signup = min(total.signup, part.signup)
            total.lastSignup = max(total.lastSignup, part.lastSignup)
            total.firstPurchase = min(total.firstPurchase, part.firstPurchase)
            total.lastFirstPurchase = max(total.lastFirstPurchase, part.lastFirstPurchase)
            for code in part.present.indices where part.present[code] { total.present[code] = true }
        }
        facts.eventSpan = total.first <= total.last ? total.first...total.last : nil
        facts.signupSpan = total.signup <= total.lastSignup ? total.signup...total.lastSignup : nil
        facts.firstPurchaseSpan = total.firstPurchase <= total.lastFirstPurchase ? total.firstPurchase...total.lastFirstPurchase : nil
        facts.eventCodesPresent = total.present
        return facts
    }

    private typealias Outputs = (firstPurchase: UnsafeMutablePointer<Int64>, signup: UnsafeMutablePointer<Int64>?,
                                 firstPurchaseRow: UnsafeMutablePointer<Int32>)

    private func scan(_ range: Range<Int>, events: EventTable, classes: EventClasses, orderFlags: [UInt8], into out: Outputs) -> Summary {
        let none = CustomerFacts.none
        var summary = Summary(present: [Bool](repeating: false, count: stringCount))
        events.offsets.withUnsafeBufferPointer { offsets in
        events.ts.withUnsafeBufferPointer { ts in
        signupValues.withUnsafeBufferPointer { signupValues in
        signupNulls.withUnsafeBufferPointer { signupNulls in
            // The part's rows. The loads extend the index to every customer (`extendOffsets`); clamped all the same,
            // so that a shorter index could leave no output unwritten.
            let indexed = range.clamped(to: 0..<max(0, offsets.count - 1))
            let rows = indexed.isEmpty ? 0..<0 : offsets[indexed.lowerBound]..<offsets[indexed.upperBound]
            let purchases = PurchaseRows(rows: rows, events: events, classes: classes, orderFlags: orderFlags, present: &summary.present)
            defer { purchases.deallocate() }
            var (earliest, latest, earliestSignup, latestSignup) = (Int64.max, Int64.min, Int64.max, Int64.min)
            var (earliestPurchase, latestPurchase) = (Int64.max, Int64.min)
            for c in range {
                var (first, firstPurchase, firstPurchaseRow) = (none, none, Int32(-1))
                let (lo, hi) = c + 1 < offsets.count ? (offsets[c], offsets[c + 1]) : (0, 0)
                if lo < hi {
                    first = ts[lo]
                    earliest = min(earliest, first)
                    latest = max(latest, ts[hi - 1])
                    let row = purchases.first(in: lo..<hi)
                    if row >= 0 { firstPurchaseRow = Int32(row); firstPurchase = ts[row] }
                }
                out.firstPurchase[c] = firstPurchase
                out.firstPurchaseRow[c] = firstPurchaseRow
                let signup = c < signupValues.count && !(c < signupNulls.count && signupNulls[c]) ? signupValues[c] : first
                out.signup?[c] = signup
                if signup != none { earliestSignup = min(earliestSignup, signup); latestSignup = max(latestSignup, signup) }
                if firstPurchase != none { earliestPurchase = min(earliestPurchase, firstPurchase); latestPurchase = max(latestPurchase, firstPurchase) }
            }
            (summary.first, summary.last, summary.signup, summary.lastSignup) = (earliest, latest, earliestSignup, latestSignup)
            (summary.firstPurchase, summary.lastFirstPurchase) = (earliestPurchase, latestPurchase)
        }}}}
        return summary
    }

    /// `CustomerFacts.acquisitionChannel`: the customers-table channel when present, else the channel of the
    /// customer's first event that has one; -1 if none.
    /// - Complexity: O(customers + events), on all cores.
    func acquisitionChannels(count n: Int, events: EventTable) -> [Int32] {
        [Int32](unsafeUninitializedCapacity: n) { out, set in
            if n > 0 {
                let target = SendableBox(out.baseAddress!)
                Parallel.forEach(Parallel.ranges(n)) { range in
                    events.offsets.withUnsafeBufferPointer { offsets in
                    events.channel.withUnsafeBufferPointer { channel in
                    channelCodes.withUnsafeBufferPointer { channelCodes in
                        for c in range {
                            var acquisition: Int32 = -1
                            if c < channelCodes.count, channelCodes[c] >= 0 {
                                acquisition = channelCodes[c]
                            } else if c + 1 < offsets.count {
                                var r = offsets[c]
                                while r < offsets[c + 1], channel[r] < 0 { r += 1 }
                                if r < offsets[c + 1] { acquisition = channel[r] }
                            }
                            target.value[c] = acquisition
                        }
                    }}}
                }
            }
            set = n
        }
    }
}
