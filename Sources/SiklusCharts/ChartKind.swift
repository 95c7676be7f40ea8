import SiklusEngine

/// The chart drawn for a result, chosen from its shape.
public enum ChartKind: String, Sendable, CaseIterable {
    /// Cohort × period retention heatmap.
    case heatmap
    /// Horizontal bars, one per funnel step, with conversion rates.
    case funnelBars
    /// Line chart over a time dimension, one line per group.
    case timeSeries
    /// One stacked bar splitting customers across lifecycle stages.
    case stackedBar
    /// One labelled stacked bar per group of a split stage share (`cohort by channel | metric stage_share`).
    case groupedStackedBar
    /// Stage × stage heatmap of transitions.
    case transitionHeatmap
    /// Horizontal bars for a plain two-column table (label, number).
    case bars
    /// One small panel of bars per metric over shared group labels (`by channel | metric cpa, repeat_rate`).
    case smallMultiples
    /// Columns of events joined by transitions (a Sankey-like flow of `paths`).
    case pathFlow
    /// Stacked columns per period with dormant below the axis (`lifecycle`).
    case lifecycleBars

    /// The chart for `table`, or nil when the result has no chart (see `noChartReason(_:)`).
    ///
    /// Shapes other than `.table` always have a chart; whether their columns are complete is
    /// checked when the chart is drawn. A `.table` of one text column and one numeric column gets
    /// bars; text columns (the labels) and several numeric columns get small multiples; anything
    /// else (dates, no labels) has no obvious single picture.
    public static func `for`(_ table: ResultTable) -> ChartKind? {
        switch table.shape {
        case .retention: return .heatmap
        case .funnel: return .funnelBars
        case .series: return .timeSeries
        case .stageShare: return GroupedStageShareModel.groupColumns(table).isEmpty ? .stackedBar : .groupedStackedBar
        case .transitions: return .transitionHeatmap
        case .paths: return .pathFlow
        case .lifecycle: return .lifecycleBars
        case .table:
            if BarModel.labelAndValueColumns(table) != nil { return .bars }
            return SmallMultiplesModel.labelAndMetricColumns(table) == nil ? nil : .smallMultiples
        }
    }

    /// Why `table` has no chart, phrased for the user; nil when it has one.
    public static func noChartReason(_ table: ResultTable) -> String? {
        guard ChartKind.for(table) == nil else { return nil }
        let described = table.columns.map { "\($0.name) (\($0.kindDescription))" }.joined(separator: ", ")
        let count = table.columns.count
        return "bars need text columns (the labels) and numeric columns (the values), and no dates; this table has \(count) "
            + (count == 1 ? "column" : "columns") + (count == 0 ? "" : ": \(described)")
    }

    /// A short name for messages ("retention heatmap", "funnel").
    public var displayName: String {
        switch self {
        case .heatmap: return "retention heatmap"
        case .funnelBars: return "funnel chart"
        case .timeSeries: return "line chart"
        case .stackedBar: return "stage share bar"
        case .groupedStackedBar: return "stage share bars"
        case .smallMultiples: return "small multiples"
        case .transitionHeatmap: return "transition heatmap"
        case .bars: return "bar chart"
        case .pathFlow: return "path flow"
        case .lifecycleBars: return "lifecycle chart"
        }
    }
}
