import SiklusEngine

/// Image formats `.export` hands to the charts module.
public enum ChartFileFormat: String, Sendable, CaseIterable {
    case svg, html
}

/// Writes a chart of a result to a file, for `.export chart.svg` and `.export report.html`.
///
/// HOOK(charts): SiklusCharts will provide the implementation (choosing the chart from
/// `ResultTable.shape`); the executable then sets `Shell.chartExporter` to it. Until then the shell
/// uses `ChartExportUnavailable`, which explains that the format is not available yet.
public protocol ChartExporting {
    /// Draws `table` as `format` into the file at `path`.
    func export(_ table: ResultTable, format: ChartFileFormat, to path: String) throws
}

/// The placeholder exporter used until SiklusCharts provides one.
public struct ChartExportUnavailable: ChartExporting {
    public init() {}

    public func export(_ table: ResultTable, format: ChartFileFormat, to path: String) throws {
        throw ExportError(message: "exporting charts as .\(format.rawValue) is not available yet",
                          hints: ["export the data with .csv, .tsv, .json or .md"])
    }
}
