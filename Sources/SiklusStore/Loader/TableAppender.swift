/// Puts parsed chunks into their table: events are appended and re-indexed straight from the parser's
/// buffers, customers upserted by id, spend appended. Also works out the report's distinct customers
/// and time span.
struct TableAppender {
    let table: TableKind
    let plan: LoadPlan
    let customerCount: Int

    func apply(_ merged: inout MergedChunks, to store: inout Store, notes: inout [LoadReport.Note]) -> NewRowsSummary {
        var summary = NewRowsSummary(distinctCustomers: 0, timeSpan: nil)
        var timer = PhaseTimer()
        for (i, column) in plan.columns.enumerated() where column.kind == .customer || column.kind == .string {
            merged.finalizeCodes(column: i, remap: column.kind == .customer ? merged.customerRemap : merged.stringRemap)
        }
        merged.dropRemaps()
        timer.mark("append: finalize codes")
        defer { timer.mark("append: rows into the table") }
        // Events get these from the index build; the other tables are small enough for a pass of their own.
        if table != .events {
            merged.recycling.drain()
            let timeRole: ColumnRole = table == .customers ? .signup : .date
            let counts = merged.rowCounts
            summary.distinctCustomers = plan.index(of: .customer).map { i in
                NewRowsSummary.distinct(merged.buffers(column: i).compactMap(\.codes), counts: counts, customerCount: customerCount)
            } ?? 0
            summary.timeSpan = plan.index(of: timeRole).flatMap { i in
                let buffers = merged.buffers(column: i)
                return NewRowsSummary.span(buffers.compactMap(\.int64s), nulls: buffers.map(\.nulls), counts: counts)
            }
        }
        switch table {
        case .events:
            summary = appendEvents(&merged, to: &store, notes: &notes)
        case .customers: upsertCustomers(materialize(&merged, where: { _ in true }), into: &store, notes: &notes)
        case .spend: store.spend.append(materialize(&merged, where: { _ in true }), roles: plan.columns.map(\.role))
        }
        // Keep every per-customer structure as long as the customer dictionary.
        store.customers.resize(to: store.customerIDs.count)
        store.events.extendOffsets(to: store.customerIDs.count)
        return summary
    }

    /// Copies the chosen columns out of the chunk buffers (freeing them).
    private func materialize(_ merged: inout MergedChunks, where keep: (PlannedColumn) -> Bool) -> [Column] {
        plan.columns.indices.filter { keep(plan.columns[$0]) && plan.columns[$0].kind != .skip }.map { i in
            let planned = plan.columns[i]
            let (data, nulls) = merged.column(i)
            merged.release(column: i)
            return Column(name: planned.name, type: planned.type, data: data, nulls: nulls)
        }
    }

    private func appendEvents(_ merged: inout MergedChunks, to store: inout Store, notes: inout [LoadReport.Note]) -> NewRowsSummary {
        // Line items: amount = quantity × unit price, computed before the extras take those buffers.
        var lineAmounts: (values: [UnsafeMutablePointer<Double>], nulls: [UnsafeMutablePointer<Bool>?])?
        if plan.index(of: .amount) == nil, let q = plan.index(of: .quantity), let p = plan.index(of: .unit_price) {
            lineAmounts = LineItemAmounts.multiply(merged.buffers(column: q), merged.buffers(column: p), counts: merged.rowCounts)
            notes.append(.amountProduct(quantity: plan.columns[q].name, price: plan.columns[p].name))
        }
        var extras = materialize(&merged, where: { $0.role?.isStoredAsExtra ?? true })
        if plan.index(of: .event) == nil {
            notes.append(.noEventColumn)
        }
        if let o = plan.index(of: .order) {
            // Order ids join the column already holding them, whatever this file calls it.
            let name = plan.columns[o].name
            if let existing = store.events.orderColumn, let at = extras.firstIndex(where: { $0.name == name }),
               !extras.contains(where: { $0.name.lowercased() == existing.lowercased() }) {
                extras[at].name = existing
            } else {
                store.events.orderColumn = name
            }
        }
        // The role columns' buffers now belong to `EventTable.append`, which frees each once gathered.
        var owned: [ColumnRole: [ColumnBuffer]] = [:]
        for role in [ColumnRole.customer, .ts, .event, .amount, .channel] {
            if let i = plan.index(of: role) { owned[role] = merged.disown(column: i) }
        }
        func parts<T>(_ role: ColumnRole, _ field: KeyPath<ColumnBuffer, UnsafeMutablePointer<T>?>) -> [UnsafeMutablePointer<T>]? {
            owned[role].map { $0.map { $0[keyPath: field]! } }
        }
        let amountNulls: [UnsafeMutablePointer<Bool>?] = lineAmounts?.nulls ?? owned[.amount].map { buffers in buffers.map(\.nulls) }
            ?? merged.rowCounts.map { _ in nil }
        let rows = NewEventRows(counts: merged.rowCounts, customer: parts(.customer, \.codes)!, ts: parts(.ts, \.int64s)!,
                                event: parts(.event, \.codes), purchaseCode: store.strings.intern("purchase"),
                                amount: lineAmounts?.values ?? parts(.amount, \.doubles), amountNulls: amountNulls,
                                channel: parts(.channel, \.codes), extras: extras)
        let summary = store.events.append(rows, customerCount: customerCount, recycling: merged.recycling)
        if let name = store.events.orderColumn, let codes = store.events.orderCodes {
            let index = OrderIndex(events: store.events, codes: codes, strings: store.strings, isPurchase: Self.purchaseCodes(store.strings))
            notes.append(.lineItems(column: name, orders: index.orders, returns: index.returns, cancellationIDs: index.cancellationIDs,
                                    purchaseEvent: plan.index(of: .event) != nil))
        } else if merged.rows > 0 {
            // Which rule applies is said either way: an analyst must know whether rows or orders are counted.
            notes.append(.rowsAreOrders)
        }
        return summary
    }

    /// Event codes named `purchase` (the report's view of purchases; queries use the session's stage map).
    private static func purchaseCodes(_ strings: StringDictionary) -> [Bool] {
        var flags = [Bool](repeating: false, count: strings.count)
        if let code = strings.code(of: "purchase") { flags[Int(code)] = true }
        return flags
    }

    private func upsertCustomers(_ columns: [Column], into store: inout Store, notes: inout [LoadReport.Note]) {
        let stored = plan.columns.filter { $0.kind != .skip }
        guard let idIndex = stored.firstIndex(where: { $0.role == .customer }), case .code(let ids) = columns[idIndex].data else {
            preconditionFailure("customers always have a customer column")
        }
        let attributes = columns.indices.filter { stored[$0].role != .customer }.map { columns[$0] }
        let conflicts = CustomerConflicts(ids: ids, columns: attributes, customerCount: customerCount, strings: store.strings)
        if let note = conflicts.note(customerIDs: store.customerIDs) { notes.append(note) }
        store.customers.resize(to: customerCount)
        for (i, column) in columns.enumerated() where stored[i].role != .customer {
            store.customers.upsert(column, role: stored[i].role, at: ids)
        }
        store.customers.markRows(ids)
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
        var column = column
        // A role column joins the column already playing that role, whatever this file calls it.
        if let role, let at = roles[role] { column.name = columns[at].name }
        let index = columns.firstIndex { $0.name.lowercased() == column.name.lowercased() }
        var base = index.map { columns[$0].widened(toMatch: column) } ?? Column.empty(name: column.name, type: column.type, count: hasRow.count)
        // Both are Unix seconds: values with times turn a date column into a datetime column.
        if base.type == .date, column.type == .datetime, column.nulls?.contains(false) ?? (column.count > 0) { base.type = .datetime }
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
        // A role column joins the column already playing that role, whatever this file calls it.
        let new = new.enumerated().map { i, column in
            var column = column
            if let role = newRoles[i], let at = roles[role] { column.name = columns[at].name }
            return column
        }
        let old = count, added = new.first?.count ?? 0
        var merged = columns.map { existing in
            var other = new.first { $0.name.lowercased() == existing.name.lowercased() }
                ?? Column.empty(name: existing.name, type: existing.type, count: added)
            var existing = existing.widened(toMatch: other)
            // Both are Unix seconds: a file with times turns a date column into a datetime column.
            if existing.type != other.type, [ColumnType.date, .datetime].contains(existing.type), [ColumnType.date, .datetime].contains(other.type) {
                let widen = existing.type == .datetime || other.nulls?.contains(false) ?? (other.count > 0)
                (existing.type, other.type) = widen ? (.datetime, .datetime) : (existing.type, existing.type)
            }
            return existing.appending(other)
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
