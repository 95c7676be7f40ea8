import SiklusEngine

/// Chooses and draws the SVG chart for a result, like `TerminalChart` does for the terminal.
enum SVGChart {
    /// The chart of `table` as an `<svg>` element, titled `title` (or the chart's own title).
    static func render(_ table: ResultTable, title: String?, standalone: Bool) throws -> String {
        guard let kind = ChartKind.for(table) else {
            throw ChartError.noChart(reason: ChartKind.noChartReason(table) ?? "unknown shape")
        }
        try ChartLimits.check(table, kind: kind)
        switch kind {
        case .heatmap:
            let model = try HeatmapModel(retention: table)
            return SVGHeatmap(model: model, title: title ?? model.title).render(standalone: standalone)
        case .transitionHeatmap:
            let model = try HeatmapModel(transitions: table)
            return SVGHeatmap(model: model, title: title ?? model.title).render(standalone: standalone)
        case .funnelBars:
            let model = try FunnelModel(funnel: table)
            return SVGBars.funnel(model, title: title ?? model.title, standalone: standalone)
        case .timeSeries:
            let model = try SeriesModel(series: table)
            return SVGLineChart(model: model, title: title ?? model.title).render(standalone: standalone)
        case .stackedBar:
            let model = try StageShareModel(stageShare: table)
            return SVGStackedBar(model: model, title: title ?? model.title).render(standalone: standalone)
        case .groupedStackedBar:
            let model = try GroupedStageShareModel(stageShare: table)
            return SVGGroupedStackedBar(model: model, title: title ?? model.title).render(standalone: standalone)
        case .smallMultiples:
            let model = try SmallMultiplesModel(table: table)
            return SVGSmallMultiples(model: model, title: title ?? model.title).render(standalone: standalone)
        case .bars:
            let model = try BarModel(table: table)
            return SVGBars.table(model, title: title ?? model.title, standalone: standalone)
        case .pathFlow:
            let model = try PathFlowModel(paths: table)
            return SVGPathFlow(model: model, title: title ?? model.title).render(standalone: standalone)
        case .lifecycleBars:
            let model = try LifecycleModel(lifecycle: table)
            return SVGLifecycleBars(model: model, title: title ?? model.title).render(standalone: standalone)
        }
    }
}
