import SiklusEngine

/// How big a chart may get, so `plot` and SVG/HTML exports cost a bounded time and memory whatever the
/// size of the result (a daily retention table over 20 years has 53 million cells). Checked from the
/// table's dimensions before any model is built; a chart over a limit is refused with a hint, and the
/// full table can still be printed or exported as csv.
public enum ChartLimits {
    /// Rows (cohorts, stages) of a heatmap.
    public static let maximumHeatmapRows = 200
    /// Columns (periods, stages) of a heatmap.
    public static let maximumHeatmapColumns = 200
    /// Points of a line chart: rows × metric columns.
    public static let maximumSeriesPoints = 20_000
    /// Bars of a bar chart, funnel rows, stage-share rows.
    public static let maximumBars = 1_000

    /// Throws `ChartError.tooLarge` when the chart of kind `kind` for `table` would exceed a limit.
    ///
    /// - Complexity: O(number of columns).
    static func check(_ table: ResultTable, kind: ChartKind) throws {
        let rows = table.rowCount
        switch kind {
        case .heatmap, .transitionHeatmap:
            let retention = kind == .heatmap
            let columns = retention ? table.columns.filter { Int($0.name) != nil }.count : max(0, table.columns.count - 1)
            guard rows > maximumHeatmapRows || columns > maximumHeatmapColumns else { return }
            throw ChartError.tooLarge(
                kind: kind,
                size: "\(count(rows, retention ? "cohort" : "stage")) × \(count(columns, retention ? "period" : "stage"))",
                limit: "\(maximumHeatmapRows) × \(maximumHeatmapColumns)",
                hint: retention ? "use a longer `period` (e.g. `period month`) or narrow the cohorts with `where ts`" : "narrow the stages")
        case .timeSeries:
            let metrics = max(1, table.columns.filter { $0.isNumeric && $0.unit != .date }.count)
            let points = rows * metrics
            guard points > maximumSeriesPoints else { return }
            throw ChartError.tooLarge(kind: kind, size: count(points, "point"), limit: ValueFormatter.grouped(Int64(maximumSeriesPoints)),
                                      hint: "use a longer period (e.g. `by month`), fewer groups (`top N`) or `limit N`")
        case .bars, .funnelBars, .stackedBar, .groupedStackedBar, .pathFlow, .lifecycleBars, .smallMultiples:
            guard rows > maximumBars else { return }
            throw ChartError.tooLarge(kind: kind, size: count(rows, "bar"), limit: ValueFormatter.grouped(Int64(maximumBars)),
                                      hint: "keep the largest with `top N`, or `limit N`")
        }
    }

    private static func count(_ value: Int, _ noun: String) -> String {
        "\(ValueFormatter.grouped(Int64(value))) \(noun)\(value == 1 ? "" : "s")"
    }
}
