extension Store {
    /// Empties `table` and forgets its loads, for `load … replace`. Customer ids left with no row in any
    /// table are dropped (codes renumbered in order, which keeps the events' customer order), so
    /// customer counts do not include ids only the replaced file had. Strings (event names, channels)
    /// stay in the dictionary: unused ones are never shown, since values are read from the rows.
    /// - Complexity: O(customers + events + customer attributes).
    mutating func removeRows(of table: TableKind) {
        switch table {
        case .events: events = EventTable()
        case .customers: customers = CustomerTable()
        case .spend: spend = SpendTable()
        }
        loads.removeAll { $0.table == table }
        compactCustomers()
    }

    /// Drops customer ids that have neither events nor a customers row.
    private mutating func compactCustomers() {
        let count = customerIDs.count
        let kept = (0..<Int32(count)).filter { code in
            !events.rows(of: code).isEmpty || (Int(code) < customers.hasRow.count && customers.hasRow[Int(code)])
        }
        // An emptied events table must still index every customer (`offsets.count == customers + 1`):
        // queries read `offsets[c + 1]` for every customer code, and `unload events` is not followed by a load.
        guard kept.count < count else { return events.extendOffsets(to: count) }
        var ids = StringDictionary()
        var remap = [Int32](repeating: -1, count: count)
        for code in kept { remap[Int(code)] = customerIDs.withBytes(of: code) { ids.intern($0) } }
        var offsets = [0]
        offsets.reserveCapacity(kept.count + 1)
        for code in kept { offsets.append(offsets[offsets.count - 1] + events.rows(of: code).count) }
        events.customer = events.customer.map { remap[Int($0)] }
        events.offsets = offsets
        if !customers.hasRow.isEmpty {
            let slots = kept.filter { Int($0) < customers.hasRow.count }
            customers.hasRow = slots.map { customers.hasRow[Int($0)] }
            customers.columns = customers.columns.map { $0.gathered(slots) }
            customers.resize(to: kept.count)
        }
        events.extendOffsets(to: kept.count)
        customerIDs = ids
    }
}
