/// Which purchase rows make up which orders, when the events have an order column (line items).
///
/// An order is a distinct (customer, order id) among purchase rows: its value is the sum of its rows,
/// its time the earliest row's. A purchase row without an order id is an order of its own. An order is a
/// return when its id is `C` followed by digits while every other id is all digits (the cancellations of
/// invoice exports such as UCI Online Retail), or when all its rows have a negative amount. A return is
/// never an order nor a first purchase; its rows still add (negatively) to net revenue.
///
/// Kept as one flag byte per row, so scans stay single passes: the first row of each order (the row the
/// order is counted at), the first row of each return, every row of a return, and every row of the
/// customer's first order (the purchase stage).
public struct OrderIndex: Sendable {
    /// The row is the first (earliest) row of an order that is not a return.
    public static let startsOrder: UInt8 = 1 << 0
    /// The row belongs to a return.
    public static let inReturn: UInt8 = 1 << 1
    /// The row is the first row of a return.
    public static let startsReturn: UInt8 = 1 << 2
    /// The row belongs to the customer's first order (not a return).
    public static let inFirstOrder: UInt8 = 1 << 3

    /// Flags per event row (0 for rows that are not purchases).
    public let rowFlags: [UInt8]
    /// Orders and returns in the whole table.
    public let orders: Int
    public let returns: Int
    /// Whether `C`-prefixed ids are cancellations in this data (every other id is all digits).
    public let cancellationIDs: Bool

    /// Groups the purchase rows of each customer into orders.
    /// - Parameter isPurchase: by event code, whether a row of that event is a purchase.
    /// - Complexity: O(rows + distinct order ids), one pass per customer with a hash of that customer's orders.
    public init(events: EventTable, codes: [Int32], strings: StringDictionary, isPurchase: [Bool]) {
        precondition(codes.count == events.count, "one order id per event row")
        func purchase(_ r: Int) -> Bool { let e = events.event[r]; return e >= 0 && Int(e) < isPurchase.count && isPurchase[Int(e)] }
        // Which ids are cancellations: decided once over the distinct ids of purchase rows.
        var seen = [Bool](repeating: false, count: strings.count)
        for r in 0..<codes.count where codes[r] >= 0 && purchase(r) { seen[Int(codes[r])] = true }
        var cancelling = [Bool](repeating: false, count: strings.count)
        var anyCancel = false, othersNumeric = true, anyNumeric = false
        for code in seen.indices where seen[code] {
            let id = Array(strings[Int32(code)].utf8)
            let digits = { (s: ArraySlice<UInt8>) in !s.isEmpty && s.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
            if id.count > 1, id[0] == UInt8(ascii: "C") || id[0] == UInt8(ascii: "c"), digits(id[1...]) {
                cancelling[code] = true; anyCancel = true
            } else if digits(id[...]) {
                anyNumeric = true
            } else {
                othersNumeric = false
            }
        }
        let cancellations = anyCancel && anyNumeric && othersNumeric
        cancellationIDs = cancellations

        var flags = [UInt8](repeating: 0, count: events.count)
        let parts = Parallel.ranges(events.customerCount, minimumPerPart: 16_384)
        let counts: [(orders: Int, returns: Int)] = flags.withUnsafeMutableBufferPointer { flags in
            let out = SendableBox(flags)
            return Parallel.map(parts.count) { p in
                let flags = out.value
                var slotOf: [Int32: Int] = [:]
                var first: [Int] = [], negative: [Bool] = [], isReturn: [Bool] = []
                var orders = 0, returns = 0
                for c in parts[p] {
                    let rows = events.rows(of: Int32(c))
                    slotOf.removeAll(keepingCapacity: true); first.removeAll(keepingCapacity: true)
                    negative.removeAll(keepingCapacity: true); isReturn.removeAll(keepingCapacity: true)
                    // Pass 1: each order's first row and whether all its rows are negative.
                    var loose: [Int] = []
                    for r in rows where purchase(r) {
                        let neg = events.hasAmount(r) && events.amount[r] < 0
                        let code = codes[r]
                        if code < 0 { loose.append(r); continue }
                        if let s = slotOf[code] { negative[s] = negative[s] && neg } else {
                            slotOf[code] = first.count; first.append(r); negative.append(neg)
                        }
                    }
                    var firstOrderRow = Int.max, firstOrderSlot = -1
                    for s in first.indices {
                        let ret = negative[s] || (cancellations && cancelling[Int(codes[first[s]])])
                        isReturn.append(ret)
                        flags[first[s]] |= ret ? OrderIndex.startsReturn : OrderIndex.startsOrder
                        if ret { returns += 1 } else {
                            orders += 1
                            if first[s] < firstOrderRow { (firstOrderRow, firstOrderSlot) = (first[s], s) }
                        }
                    }
                    for r in loose {
                        let ret = events.hasAmount(r) && events.amount[r] < 0
                        flags[r] |= ret ? OrderIndex.startsReturn | OrderIndex.inReturn : OrderIndex.startsOrder
                        if ret { returns += 1 } else {
                            orders += 1
                            if r < firstOrderRow { (firstOrderRow, firstOrderSlot) = (r, -1) }
                        }
                    }
                    if firstOrderRow != Int.max, firstOrderSlot < 0 { flags[firstOrderRow] |= OrderIndex.inFirstOrder }
                    // Pass 2: mark every row of a return and of the first order.
                    guard !first.isEmpty else { continue }
                    for r in rows where codes[r] >= 0 && purchase(r) {
                        guard let s = slotOf[codes[r]] else { continue }
                        if isReturn[s] { flags[r] |= OrderIndex.inReturn } else if s == firstOrderSlot { flags[r] |= OrderIndex.inFirstOrder }
                    }
                }
                return (orders, returns)
            }
        }
        rowFlags = flags
        orders = counts.reduce(0) { $0 + $1.orders }
        returns = counts.reduce(0) { $0 + $1.returns }
    }
}
