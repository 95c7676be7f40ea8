/// Customers a customers file lists on several rows with different values of one attribute (a CRM export
/// with one row per address, say). The load keeps, per attribute, the value of the customer's last row
/// that has one (empty cells never overwrite; see `CustomerTable.upsert`), so the earlier values are
/// silently dropped: the load report says how many customers this touched, with an example.
struct CustomerConflicts {
    /// Customers with at least one attribute given two different values.
    private(set) var customers = 0
    /// The first such customer, attribute, the values in file order and the one kept.
    private(set) var example: (id: Int32, column: String, values: [String], kept: String)?

    /// Finds conflicts among `columns` (the file's attribute columns, row-aligned with `ids`).
    /// - Complexity: O(rows) to find repeated ids (one array of `customerCount` slots), plus
    ///   O(repeated rows × columns) to compare their values.
    init(ids: [Int32], columns: [Column], customerCount: Int, strings: StringDictionary) {
        var firstRow = [Int32](repeating: -1, count: customerCount)
        var repeated: [Int32: [Int]] = [:]
        for (row, id) in ids.enumerated() {
            let first = firstRow[Int(id)]
            if first < 0 { firstRow[Int(id)] = Int32(row); continue }
            repeated[id, default: [Int(first)]].append(row)
        }
        guard !repeated.isEmpty else { return }
        // File order, so the example is the first conflicting customer of the file.
        for (id, rows) in repeated.sorted(by: { $0.value[0] < $1.value[0] }) {
            var conflicting = false
            for column in columns {
                let present = rows.filter { !column.isNull($0) }
                guard let last = present.last, present.contains(where: { !Self.same(column, $0, last) }) else { continue }
                conflicting = true
                if example == nil {
                    example = (id, column.name, present.map { Self.text(column, $0, strings) }, Self.text(column, last, strings))
                }
            }
            if conflicting { customers += 1 }
        }
    }

    /// The load report's note, or nil when no customer has conflicting values.
    func note(customerIDs: StringDictionary) -> LoadReport.Note? {
        guard customers > 0, let example else { return nil }
        let shown = example.values.count > 4 ? Array(example.values.prefix(3)) + ["…"] : example.values
        return .customerConflicts(count: customers, id: customerIDs[example.id], column: example.column, values: shown, kept: example.kept)
    }

    private static func same(_ column: Column, _ a: Int, _ b: Int) -> Bool {
        switch column.data {
        case .int64(let v): v[a] == v[b]
        case .double(let v): v[a] == v[b]
        case .code(let v): v[a] == v[b]
        }
    }

    private static func text(_ column: Column, _ row: Int, _ strings: StringDictionary) -> String {
        switch column.data {
        case .code(let v): return strings[v[row]]
        case .double(let v): return String(v[row])
        case .int64(let v):
            switch column.type {
            case .date: return CivilTime.formatDate(v[row])
            case .datetime: return CivilTime.formatDateTime(v[row])
            default: return String(v[row])
            }
        }
    }
}
