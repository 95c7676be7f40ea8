/// Puts parsed columns into their table: events are appended and re-indexed, customers upserted by id,
/// spend appended. Also works out the report's distinct customers and time span.
struct TableAppender {
    let table: TableKind
    let columns: [Column]
    let planned: [PlannedColumn]
    let customerCount: Int

    var rowCount: Int { columns.first?.count ?? 0 }

    func column(_ role: ColumnRole) -> Column? {
        planned.firstIndex { $0.role == role }.map { columns[$0] }
    }

    var distinctCustomers: Int {
        guard case .code(let codes)? = column(.customer)?.data else { return 0 }
        var seen = [Bool](repeating: false, count: customerCount)
        var distinct = 0
        for c in codes where !seen[Int(c)] { seen[Int(c)] = true; distinct += 1 }
        return distinct
    }

    var timeSpan: ClosedRange<Int64>? {
        let role: ColumnRole = switch table { case .events: .ts; case .customers: .signup; case .spend: .date }
        guard let time = column(role), case .int64(let values) = time.data else { return nil }
        var lo = Int64.max, hi = Int64.min
        for (i, v) in values.enumerated() where !time.isNull(i) { lo = min(lo, v); hi = max(hi, v) }
        return lo <= hi ? lo...hi : nil
    }

    func apply(to store: inout Store, notes: inout [String], path: String) throws {
        switch table {
        case .events: appendEvents(to: &store, notes: &notes)
        case .customers: upsertCustomers(into: &store)
        case .spend: appendSpend(to: &store)
        }
        // Keep every per-customer structure as long as the customer dictionary.
        store.customers.resize(to: store.customerIDs.count)
        store.events.extendOffsets(to: store.customerIDs.count)
    }

    private func appendEvents(to store: inout Store, notes: inout [String]) {
        let n = rowCount
        func codes(_ role: ColumnRole) -> [Int32]? { if case .code(let v)? = column(role)?.data { v } else { nil } }
        let event: [Int32]
        if let names = codes(.event) {
            event = names
        } else {
            let purchase = store.strings.intern("purchase")
            event = Array(repeating: purchase, count: n)
            notes.append("no event column: this is a transaction log, so every row is a purchase")
        }
        var amount = Array(repeating: 0.0, count: n)
        var amountNulls: [Bool]? = Array(repeating: true, count: n)
        if let column = column(.amount), case .double(let values) = column.data {
            amount = values
            amountNulls = column.nulls
        }
        guard case .int64(let ts)? = column(.ts)?.data else { preconditionFailure("events always have a ts column") }
        let extras = planned.indices.filter { planned[$0].role == nil }.map { columns[$0] }
        let rows = EventRows(customer: codes(.customer) ?? [], ts: ts, event: event, amount: amount, amountNulls: amountNulls,
                             channel: codes(.channel) ?? Array(repeating: StringDictionary.null, count: n), extras: extras)
        store.events.append(rows, customerCount: customerCount)
    }

    private func upsertCustomers(into store: inout Store) {
        guard case .code(let ids)? = column(.customer)?.data else { preconditionFailure("customers always have a customer column") }
        store.customers.resize(to: customerCount)
        for (i, column) in columns.enumerated() where planned[i].role != .customer {
            store.customers.upsert(column, role: planned[i].role, at: ids)
        }
        store.customers.markRows(ids)
    }

    private func appendSpend(to store: inout Store) {
        store.spend.append(columns, roles: planned.map(\.role))
    }
}

extension CustomerTable {
    /// Grows every column (and `hasRow`) to `count` customer slots.
    mutating func resize(to count: Int) {
        guard hasRow.count < count else { return }
        hasRow += Array(repeating: false, count: count - hasRow.count)
        columns = columns.map { $0.resized(to: count) }
    }

    /// Sets `column`'s values at the given customer slots, adding the column when new. Later rows of
    /// the same id win, so re-loading a customers file updates attributes.
    mutating func upsert(_ column: Column, role: ColumnRole?, at ids: [Int32]) {
        let index = columns.firstIndex { $0.name.lowercased() == column.name.lowercased() }
        let base = index.map { columns[$0] } ?? Column.empty(name: column.name, type: column.type, count: hasRow.count)
        let updated = base.scattering(column, at: ids, count: hasRow.count)
        if let index { columns[index] = updated } else { columns.append(updated) }
        if let role { roles[role] = index ?? columns.count - 1 }
    }

    mutating func markRows(_ ids: [Int32]) {
        for id in ids { hasRow[Int(id)] = true }
    }
}

extension EventTable {
    /// Customers without events get empty ranges.
    mutating func extendOffsets(to customerCount: Int) {
        let last = offsets.last ?? 0
        if offsets.count < customerCount + 1 {
            offsets += Array(repeating: last, count: customerCount + 1 - offsets.count)
        }
    }
}

extension SpendTable {
    /// Appends rows; columns are matched by name, missing ones padded with nulls.
    mutating func append(_ new: [Column], roles newRoles: [ColumnRole?]) {
        let old = count, added = new.first?.count ?? 0
        var merged = columns.map { existing in
            existing.appending(new.first { $0.name.lowercased() == existing.name.lowercased() }
                ?? Column.empty(name: existing.name, type: existing.type, count: added))
        }
        for (i, column) in new.enumerated() {
            if let at = merged.firstIndex(where: { $0.name.lowercased() == column.name.lowercased() }) {
                if let role = newRoles[i] { roles[role] = at }
                continue
            }
            merged.append(Column.empty(name: column.name, type: column.type, count: old).appending(column))
            if let role = newRoles[i] { roles[role] = merged.count - 1 }
        }
        columns = merged
    }
}
