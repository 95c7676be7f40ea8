import SiklusLanguage

/// `sort`, `top` and `limit` on a result table.
enum ResultOperations {
    static func apply(_ step: LogicalQuery.PostStep, to table: ResultTable) throws(Diagnostic) -> ResultTable {
        switch step {
        case .sort(let keys):
            var resolved: [(Int, Bool)] = []
            for key in keys {
                guard let index = table.columns.firstIndex(where: { $0.name.lowercased() == key.column.lowercased() }) else {
                    throw Diagnostic.unknown("result column", key.column, at: key.span, among: table.columns.map(\.name))
                }
                resolved.append((index, key.descending))
            }
            return reorder(table, by: resolved)
        case .top(let n, let span):
            guard let measure = table.columns.lastIndex(where: { $0.unit != .text }) else {
                throw Diagnostic("top needs a numeric column to rank by", at: span)
            }
            return take(reorder(table, by: [(measure, true)]), n)
        case .bottom(let n, let span):
            guard let measure = table.columns.lastIndex(where: { $0.unit != .text }) else {
                throw Diagnostic("bottom needs a numeric column to rank by", at: span)
            }
            return take(reorder(table, by: [(measure, false)]), n)
        case .limit(let n):
            return take(table, n)
        }
    }

    /// Rows sorted by the given columns; nulls last in both directions (as SQL's explicit `NULLS LAST`); stable.
    static func reorder(_ table: ResultTable, by keys: [(column: Int, descending: Bool)]) -> ResultTable {
        let order = (0..<table.rowCount).sorted { a, b in
            for (column, descending) in keys {
                let c = compare(table.columns[column].values, a, b, descending: descending)
                if c != 0 { return c < 0 }
            }
            return a < b
        }
        return rows(table, order)
    }

    static func take(_ table: ResultTable, _ n: Int) -> ResultTable {
        var out = rows(table, Array(0..<min(n, table.rowCount)))
        // Summary rows (retention's means) were taken over every row: they do not describe fewer.
        if n < table.rowCount { out.footer = [] }
        return out
    }

    static func rows(_ table: ResultTable, _ order: [Int]) -> ResultTable {
        var out = table
        out.columns = table.columns.map { column in
            var c = column
            switch column.values {
            case .text(let v): c.values = .text(order.map { v[$0] })
            case .integer(let v): c.values = .integer(order.map { v[$0] })
            case .number(let v): c.values = .number(order.map { v[$0] })
            }
            return c
        }
        return out
    }

    /// -1 when row `a` comes first, 1 when `b` does, 0 for a tie: values in the given direction, and a null
    /// after every value whatever the direction (nulls are "no data", never the largest or the smallest).
    private static func compare(_ values: ColumnValues, _ a: Int, _ b: Int, descending: Bool) -> Int {
        func cmp<T: Comparable>(_ x: T?, _ y: T?) -> Int {
            switch (x, y) {
            case (nil, nil): return 0
            case (nil, _): return 1
            case (_, nil): return -1
            case let (x?, y?):
                let c = x < y ? -1 : (x > y ? 1 : 0)
                return descending ? -c : c
            }
        }
        switch values {
        case .text(let v): return cmp(v[a], v[b])
        case .integer(let v): return cmp(v[a], v[b])
        case .number(let v): return cmp(v[a], v[b])
        }
    }
}
