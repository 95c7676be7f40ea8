import SiklusEngine

/// The chart drawn for a result, chosen from its shape.
public enum ChartKind: String, Sendable {
    case heatmap, funnelBars, timeSeries, stackedBar, transitionHeatmap, bars
}
