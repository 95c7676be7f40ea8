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
    /// `present`: drawn for a projector (`.present on`; see `SVGStyle.projector`).
    public static func svg(_ table: ResultTable, title: String?, present: Bool = false) throws -> String {
        try SVGStyle.$current.withValue(present ? .projector : .screen) {
            try SVGChart.render(table, title: title, standalone: true) + "\n"
        }
    }

    /// A self-contained HTML report: the query in a `<pre>`, the chart as inline SVG (or a note
    /// when the result has no chart) and the table with formatted numbers. No scripts or URLs.
    /// `present`: larger text and a projector chart (`.present on`).
    public static func html(_ table: ResultTable, query: String, present: Bool = false) throws -> String {
        try SVGStyle.$current.withValue(present ? .projector : .screen) { try HTMLReport.render(table, query: query) }
    }

    /// The document for `path`'s extension (.html or .svg). The shell writes it to the file, under
    /// the one rule it applies to every export destination (SiklusShell's `ExportDestination`).
    ///
    /// - Throws: `ChartError.unsupportedFormat` naming the supported extensions, or a chart error for `.svg`.
    public static func contents(_ table: ResultTable, query: String, path: String, present: Bool = false) throws -> String {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "html": return try html(table, query: query, present: present)
        case "svg": return try svg(table, title: nil, present: present)
        default: throw ChartError.unsupportedFormat(path: path, ext: ext)
        }
    }
}
