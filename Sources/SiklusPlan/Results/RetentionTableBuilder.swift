/// Builds retention's result table from per-cohort sums, the same for the in-memory engine and the SQL
/// pivot (so their tables cannot drift): cells, percentages, `| detail`'s base columns and the mean rows.
///
/// For row g and column k: `reached` = entries whose age (periods from anchor to as_of) reaches the
/// column's first period; `base` = the percentage's denominator (customers: `reached`; value: the column-0
/// value of those entries); `cells` = the sum the column counts. A cell is empty when `reached` is 0; a
/// percentage is `cells / base × 100`, empty when the base is 0.
public struct RetentionTableBuilder {
    /// One cohort's row.
    public struct Row {
        public var label: String
        /// Entries in the cohort (customers; with `recurring`, customer-periods: each is one customer).
        public var size: Int64
        public var reached: [Int64]
        public var base: [Double]
        public var cells: [Double]

        /// A row of `columns` zero columns.
        public init(label: String, size: Int64, columns: Int) {
            self.label = label
            self.size = size
            reached = Array(repeating: 0, count: columns)
            base = Array(repeating: 0, count: columns)
            cells = Array(repeating: 0, count: columns)
        }
    }

    public var spec: LogicalQuery.Retention
    public var columns: RetentionColumns
    public var title: ResultTitle

    /// A builder for `spec`'s table with `columns`, titled `title` (default: the step's).
    public init(spec: LogicalQuery.Retention, columns: RetentionColumns, title: ResultTitle? = nil) {
        self.spec = spec
        self.columns = columns
        self.title = title ?? spec.title
    }

    /// The table of `rows`, in order. - Complexity: O(rows × columns).
    public func table(_ rows: [Row]) -> ResultTable {
        let money = spec.kind.value == .revenue
        var result = [
            ResultColumn(name: "cohort", unit: .text, values: .text(rows.map(\.label))),
            ResultColumn(name: "customers", unit: .count, values: .integer(rows.map(\.size))),
        ]
        for k in 0..<columns.count {
            let name = columns.name(k)
            if spec.percent {
                result.append(ResultColumn(name: name, unit: .percent, values: .number(rows.map { Self.percent($0, k) })))
            } else if money {
                result.append(ResultColumn(name: name, unit: .money, values: .number(rows.map { $0.reached[k] > 0 ? $0.cells[k] : nil })))
            } else {
                result.append(ResultColumn(name: name, unit: .count, values: .integer(rows.map { $0.reached[k] > 0 ? Int64($0.cells[k]) : nil })))
            }
        }
        if spec.kind.detail {
            for k in 0..<columns.count {
                let name = "base_" + columns.name(k)
                if money {
                    result.append(ResultColumn(name: name, unit: .money, values: .number(rows.map { $0.reached[k] > 0 ? $0.base[k] : nil })))
                } else {
                    result.append(ResultColumn(name: name, unit: .count, values: .integer(rows.map { $0.reached[k] > 0 ? Int64($0.base[k]) : nil })))
                }
            }
        }
        var table = ResultTable(columns: result, shape: .retention, title: title)
        if !rows.isEmpty { table.footer = meanRows(rows, columnCount: result.count) }
        return table
    }

    /// Cell k as a percentage of its base, nil when nobody reached it or the base is 0.
    static func percent(_ row: Row, _ k: Int) -> Double? {
        row.reached[k] > 0 && row.base[k] > 0 ? row.cells[k] / row.base[k] * 100 : nil
    }

    /// PostHog's mean rows, as percentages of the base: per period column, over the cohorts whose cell
    /// has a base (reached and non-zero), the simple mean of their percentages and the weighted mean
    /// Σ cells / Σ bases × 100 (each cohort weighted by its base, so the pooled rate).
    func meanRows(_ rows: [Row], columnCount: Int) -> [ResultFooterRow] {
        var simple = [Double?](repeating: nil, count: columnCount), weighted = simple
        for k in 0..<columns.count {
            let shares = rows.compactMap { Self.percent($0, k) }
            guard !shares.isEmpty else { continue }
            let valid = rows.filter { Self.percent($0, k) != nil }
            simple[2 + k] = shares.reduce(0, +) / Double(shares.count)
            weighted[2 + k] = valid.reduce(0) { $0 + $1.cells[k] } / valid.reduce(0) { $0 + $1.base[k] } * 100
        }
        return [ResultFooterRow(label: "mean", values: simple, unit: .percent),
                ResultFooterRow(label: "weighted mean", values: weighted, unit: .percent)]
    }
}
