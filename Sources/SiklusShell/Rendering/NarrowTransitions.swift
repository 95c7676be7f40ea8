import SiklusCharts
import SiklusEngine

/// A transitions table (`metric transitions`: a `from` column and one column per stage) is eight
/// columns of long stage names, about 100 columns wide in a box: on an 80-column terminal (a
/// projector's) its last columns would be cut. When it does not fit, the stage names in its headers and
/// `from` column are shortened (`consideration` → `consid`, `StageAbbreviation`), which fits 80.
enum NarrowTransitions {
    /// `table` as `mode` should draw it within `width`: abbreviated when a bordered or aligned mode (box,
    /// table, plain) would otherwise cut columns; the other modes never cut, so they keep the names.
    static func fitted(_ table: ResultTable, mode: OutputMode, width: Int?) -> ResultTable {
        guard let grid = mode.renderer as? GridRenderer else { return table }
        return fitted(table, width: width, overhead: grid.style.overhead)
    }

    /// `table` with stage names abbreviated when it is a transitions table wider than `width` in `style`'s
    /// borders; else `table` itself. Nil `width` (a file, a pipe) never cuts, so nothing changes there.
    ///
    /// - Complexity: O(rows × columns), once, to measure.
    static func fitted(_ table: ResultTable, width: Int?, overhead: (Int) -> Int) -> ResultTable {
        guard table.shape == .transitions, let width, naturalWidth(table, overhead: overhead) > width else { return table }
        var short = table
        short.columns = table.columns.enumerated().map { index, column in
            var renamed = ResultColumn(name: StageAbbreviation.of(column.name), unit: column.unit, values: column.values)
            if index == 0, case .text(let names) = column.values {
                renamed.values = .text(names.map { $0.map(StageAbbreviation.of) })
            }
            return renamed
        }
        return short
    }

    /// The width of `table` drawn without cutting: each column as wide as its header or widest cell,
    /// plus the borders and padding (`overhead` of a column count).
    static func naturalWidth(_ table: ResultTable, overhead: (Int) -> Int) -> Int {
        let columns = table.columns.map { column in
            (0..<table.rowCount).reduce(DisplayWidth.of(column.name)) { widest, row in
                max(widest, CellText.formatted(column, row: row).map(DisplayWidth.of) ?? 0)
            }
        }
        return columns.reduce(0, +) + overhead(table.columns.count)
    }
}
