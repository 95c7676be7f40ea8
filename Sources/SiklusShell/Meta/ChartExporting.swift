import SiklusCharts
import SiklusEngine

/// Image formats `.export` and `| export` hand to the charts module.
public enum ChartFileFormat: String, Sendable, CaseIterable {
    case svg, html
}

/// Writes a chart of a result to a file, for `.export chart.svg` and `.export report.html`.
/// A protocol so tests can record calls instead of writing files.
public protocol ChartExporting {
    /// Draws `table` as `format` into the file at `path`; `query` is shown in HTML reports.
    func export(_ table: ResultTable, format: ChartFileFormat, query: String, to path: String) throws
    /// The same, drawn for a projector when `present` (`.present on`).
    func export(_ table: ResultTable, format: ChartFileFormat, query: String, to path: String, present: Bool) throws
}

extension ChartExporting {
    /// An exporter with no presentation style draws the screen chart.
    public func export(_ table: ResultTable, format: ChartFileFormat, query: String, to path: String, present: Bool) throws {
        try export(table, format: format, query: query, to: path)
    }
}

/// The real exporter: SiklusCharts' SVG chart or self-contained HTML report.
public struct ReportChartExporter: ChartExporting {
    public init() {}

    public func export(_ table: ResultTable, format: ChartFileFormat, query: String, to path: String) throws {
        try export(table, format: format, query: query, to: path, present: false)
    }

    public func export(_ table: ResultTable, format: ChartFileFormat, query: String, to path: String, present: Bool) throws {
        let contents: String
        do {
            contents = try ReportExporter.contents(table, query: query, path: path, present: present)
        } catch {
            // A table too large for a chart is already told to use csv; one with no chart gets the other formats.
            let tooLarge: Bool = if case .tooLarge? = error as? ChartError { true } else { false }
            throw ExportError(message: "\(error)", hints: format == .svg && !tooLarge ? ["a table with no chart can still be exported as .html, .csv or .json"] : [])
        }
        // Written by the shell, so charts follow the same rule for symlinks and FIFOs as data formats.
        try ResultExporter.write(contents, to: path)
    }
}
