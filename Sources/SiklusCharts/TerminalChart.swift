import SiklusEngine

/// Terminal charts for `| plot`: the chart is chosen from the result's shape (see `ChartKind`)
/// and drawn to fit `ChartOptions.width` × `height` without any line wrapping.
public enum TerminalChart {
    /// The chart of `table` as lines joined by newlines, without a trailing newline.
    ///
    /// - Throws: `ChartError.noChart` for a plain table with no obvious chart,
    ///   `missingColumn`/`wrongColumnType` when the table does not match its shape,
    ///   `empty` when there is nothing to draw, `tooSmall` when the area is too small and `tooLarge`
    ///   when the result is over `ChartLimits`.
    public static func render(_ table: ResultTable, options: ChartOptions) throws -> String {
        let lines = try lines(table, options: options)
        assert(lines.count <= options.height, "chart taller than its height")
        assert(lines.allSatisfy { $0.width <= options.width }, "chart wider than its width")
        // Clipping is a safety net for release builds: layouts already fit, and tests check it.
        return lines.prefix(options.height)
            .map { line in
                let fitted = line.clipped(to: options.width)
                return (options.present ? fitted.restyled(ProjectorColors.adapt) : fitted).rendered(color: options.color)
            }
            .joined(separator: "\n")
    }

    static func lines(_ table: ResultTable, options: ChartOptions) throws -> [StyledLine] {
        guard let kind = ChartKind.for(table) else {
            throw ChartError.noChart(reason: ChartKind.noChartReason(table) ?? "unknown shape")
        }
        guard options.width >= 20, options.height >= 3 else {
            throw ChartError.tooSmall(kind: kind, width: options.width, height: options.height, minWidth: 20, minHeight: 3)
        }
        try ChartLimits.check(table, kind: kind)
        switch kind {
        case .heatmap:
            return try HeatmapRenderer(model: HeatmapModel(retention: table), options: options).render()
        case .transitionHeatmap:
            return try HeatmapRenderer(model: HeatmapModel(transitions: table), options: options).render()
        case .funnelBars:
            return try FunnelRenderer(model: FunnelModel(funnel: table), options: options).render()
        case .timeSeries:
            return try LineChartRenderer(model: SeriesModel(series: table), options: options).render()
        case .stackedBar:
            return try StackedBarRenderer(model: StageShareModel(stageShare: table), options: options).render()
        case .groupedStackedBar:
            return try GroupedStackedBarRenderer(model: GroupedStageShareModel(stageShare: table), options: options).render()
        case .smallMultiples:
            return try SmallMultiplesRenderer(model: SmallMultiplesModel(table: table), options: options).render()
        case .bars:
            return try BarChartRenderer(model: BarModel(table: table), options: options).render()
        case .pathFlow:
            return try PathFlowRenderer(model: PathFlowModel(paths: table), options: options).render()
        case .lifecycleBars:
            return try LifecycleBarsRenderer(model: LifecycleModel(lifecycle: table), options: options).render()
        }
    }
}
