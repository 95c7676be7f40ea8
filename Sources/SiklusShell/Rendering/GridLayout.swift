import SiklusCharts
/// Column widths of an aligned table, and which columns fit a terminal.
///
/// When the table is wider than `maxWidth` it is cut in three steps, each only if still needed:
/// 1. text columns wider than `textColumnCap` are shortened to it (cells end in `…`);
/// 2. trailing columns are dropped and a final `…` column marks that some are not shown;
/// 3. a lone remaining column is shortened to fit.
/// Leading columns (usually the cohort or dimension) are what identify a row, so they are kept.
struct GridLayout: Equatable {
    /// One column as it will be drawn.
    struct Column: Equatable {
        var header: String
        var cells: [String]
        var width: Int
        var rightAligned: Bool
    }

    /// The widest a text column is left by step 1 of cutting.
    static let textColumnCap = 24

    /// The drawn columns, including a final `…` column when some were dropped.
    var columns: [Column]
    /// How many columns of the result were dropped to fit.
    var hiddenColumnCount: Int

    init(headers: [String], cells: [[String]], rightAligned: [Bool], maxWidth: Int?, style: GridStyle) {
        var columns = headers.indices.map { i in
            Column(header: headers[i], cells: cells[i],
                   width: max(DisplayWidth.of(headers[i]), cells[i].map(DisplayWidth.of).max() ?? 0),
                   rightAligned: rightAligned[i])
        }
        var hidden = 0
        if let maxWidth {
            func total(_ cols: [Column], ellipsis: Bool) -> Int {
                let count = cols.count + (ellipsis ? 1 : 0)
                return cols.reduce(0) { $0 + $1.width } + (ellipsis ? 1 : 0) + style.overhead(columnCount: count)
            }
            if total(columns, ellipsis: false) > maxWidth {
                for i in columns.indices where !columns[i].rightAligned {
                    columns[i].width = min(columns[i].width, Self.textColumnCap)
                }
            }
            while columns.count > 1, total(columns, ellipsis: hidden > 0) > maxWidth {
                columns.removeLast()
                hidden += 1
            }
            let excess = total(columns, ellipsis: hidden > 0) - maxWidth
            if excess > 0, let last = columns.indices.last {
                columns[last].width = max(1, columns[last].width - excess)
            }
            for i in columns.indices {
                columns[i].header = DisplayWidth.truncate(columns[i].header, to: columns[i].width)
                columns[i].cells = columns[i].cells.map { DisplayWidth.truncate($0, to: columns[i].width) }
            }
            if hidden > 0 {
                let rows = columns.first?.cells.count ?? 0
                columns.append(Column(header: "…", cells: Array(repeating: "…", count: rows), width: 1, rightAligned: false))
            }
        }
        self.columns = columns
        self.hiddenColumnCount = hidden
    }
}
