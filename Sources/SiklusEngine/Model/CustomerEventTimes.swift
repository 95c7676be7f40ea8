import SiklusStore

/// Each customer's first or last event time, read from the customer index (`ts[offsets[c]]`, or the row
/// before `offsets[c + 1]`) instead of stored per customer.
///
/// Why not an array: `CustomerFacts` is built by a store's first query (issue 16, cold queries), and two
/// 8-byte arrays per customer (16 MB at 1M customers) were most of what that pass wrote, with a page fault
/// per 4 KiB; every reader already has the customer's code, and the index is one more read.
struct CustomerEventTimes: Sendable {
    enum End: Sendable { case first, last }
    private let offsets: [Int]
    private let ts: [Int64]
    private let end: End

    init(_ events: EventTable, _ end: End) {
        (offsets, ts, self.end) = (events.offsets, events.ts, end)
    }

    /// The time, or `CustomerFacts.none` for a customer without events.
    /// - Complexity: O(1).
    @inline(__always)
    subscript(c: Int) -> Int64 {
        guard c + 1 < offsets.count else { return CustomerFacts.none }
        let (lo, hi) = (offsets[c], offsets[c + 1])
        if lo >= hi { return CustomerFacts.none }
        return ts[end == .first ? lo : hi - 1]
    }
}
