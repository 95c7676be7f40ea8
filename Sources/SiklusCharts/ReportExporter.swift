import Foundation
import SiklusEngine

/// Exports a result as a standalone SVG chart or a self-contained HTML report (`| export "file.html"`).
/// Data formats (CSV, JSON, TSV, Markdown) are the shell's output modes, written by its renderers.
public enum ReportExporter {
    /// The file formats `export(_:query:to:)` writes, by extension.
    public static let supportedExtensions = ["html", "svg"]

    /// The chart of `table` as a standalone SVG document, titled `title` or the chart's own title.
    ///
    /// - Throws: `ChartError.noChart` when the result has no chart, or the column errors of
    ///   `TerminalChart.render`.
    public static func svg(_ table: ResultTable, title: String?) throws -> String {
        try SVGChart.render(table, title: title, standalone: true) + "\n"
    }

    /// A self-contained HTML report: the query in a `<pre>`, the chart as inline SVG (or a note
    /// when the result has no chart) and the table with formatted numbers. No scripts or URLs.
    public static func html(_ table: ResultTable, query: String) throws -> String {
        try HTMLReport.render(table, query: query)
    }

    /// Writes `table` to `path` in the format its extension names (.html or .svg).
    ///
    /// - Throws: `ChartError.unsupportedFormat` naming the supported extensions,
    ///   `ChartError.writeFailed` when the file cannot be written, or a chart error for `.svg`.
    public static func export(_ table: ResultTable, query: String, to path: String) throws {
        let ext = (path as NSString).pathExtension.lowercased()
        let contents: String
        switch ext {
        case "html": contents = try html(table, query: query)
        case "svg": contents = try svg(table, title: nil)
        default: throw ChartError.unsupportedFormat(path: path, ext: ext)
        }
        do {
            try contents.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw ChartError.writeFailed(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}
