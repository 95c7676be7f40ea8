import SiklusLanguage
/// The rows a table shows in a mode meant for reading under `.maxrows` (DuckDB's rule): all of them, or
/// the first and the last rows around a `… N rows …` marker when there are more than the limit.
/// Only the shown rows are ever formatted, so a huge result costs O(limit × columns) to print.
struct RowWindow: Equatable {
    /// Rows in the result.
    let rowCount: Int
    /// Rows shown before the marker (all rows when nothing is cut).
    let head: Int
    /// Rows shown after the marker.
    let tail: Int

    /// The window for `rowCount` rows under `limit` (nil or 0: no limit). A cut shows ⌈limit/2⌉ rows
    /// before the marker and ⌊limit/2⌋ after it.
    init(rowCount: Int, limit: Int?) {
        self.rowCount = rowCount
        guard let limit, limit > 0, rowCount > limit else {
            head = rowCount
            tail = 0
            return
        }
        head = (limit + 1) / 2
        tail = limit / 2
    }

    /// True when some rows are not shown.
    var isCut: Bool { head + tail < rowCount }

    /// How many rows the marker stands for.
    var omitted: Int { rowCount - head - tail }

    /// The indices of the shown rows, in order.
    var shownRows: [Int] { Array(0..<head) + Array((rowCount - tail)..<rowCount) }

    /// The marker between the first and the last rows: `… 960 rows …`.
    var marker: String {
        let count = ReadingLocale(language: .current).grouped(omitted)
        return MessageCatalog.text(omitted == 1 ? "grid.marker_one" : "grid.marker_many", ["count": count])
    }
}
