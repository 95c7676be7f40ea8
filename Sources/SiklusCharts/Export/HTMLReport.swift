import Foundation
import SiklusEngine
import SiklusLanguage

/// A self-contained HTML report of one result: the query, the chart as inline SVG and the
/// table with formatted numbers. Inline CSS only; no scripts, fonts or URLs, so it opens the
/// same offline, in a mail attachment or from a file share.
enum HTMLReport {
    /// The most cells the report's table shows, and the most columns: a report is for reading; the
    /// full result of a large query belongs in a csv export, which the note under a cut table suggests.
    static let maximumTableCells = 20_000
    static let maximumTableColumns = 200

    static func render(_ table: ResultTable, query: String) throws -> String {
        let title = table.title?.text(in: .current) ?? firstLine(query) ?? "Siklus report"
        var chart: String
        do {
            chart = "<figure class=\"chart\">\n" + (try SVGChart.render(table, title: nil, standalone: false)) + "\n</figure>"
        } catch ChartError.noChart(let reason) {
            // A table without a chart is still worth a report.
            chart = "<p class=\"note\">\(Markup.escape(MessageCatalog.text("chart.html.no_chart", ["reason": reason]))).</p>"
        } catch ChartError.empty {
            chart = "<p class=\"note\">\(Markup.escape(MessageCatalog.text("chart.html.no_values"))).</p>"
        } catch let error as ChartError {
            guard case .tooLarge = error else { throw error }
            chart = "<p class=\"note\">\(Markup.escape(MessageCatalog.text("chart.html.no_chart", ["reason": error.description]))).</p>"
        }
        let rows = table.rowCount == 1 ? MessageCatalog.text("chart.html.one_row") : MessageCatalog.text("chart.html.rows", ["count": ValueFormatter.grouped(Int64(table.rowCount))])
        return """
        <!DOCTYPE html>
        <html lang="\(Language.current.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Markup.escape(title)) · Siklus</title>
        <style>
        \(style)\(SVGStyle.current.isProjector ? "\n" + presentStyle : "")
        </style>
        </head>
        <body>
        <main>
        <h1>\(Markup.escape(title))</h1>
        <p class="meta">\(Markup.escape(shapeName(table.shape))) · \(rows) · \(Markup.escape(MessageCatalog.text("chart.html.columns", ["count": String(table.columns.count)])))</p>
        <section>
        <h2>\(Markup.escape(MessageCatalog.text("chart.html.query")))</h2>
        <pre class="query">\(Markup.escape(query))</pre>
        </section>
        <section>
        <h2>\(Markup.escape(MessageCatalog.text("chart.html.chart")))</h2>
        \(chart)
        </section>
        <section>
        <h2>\(Markup.escape(MessageCatalog.text("chart.html.result")))</h2>
        <div class="table-wrap">
        \(dataTable(table))
        </div>
        </section>
        <footer>\(Markup.escape(MessageCatalog.text("chart.html.footer")))</footer>
        </main>
        </body>
        </html>

        """
    }

    /// The result as a `<table>`: numbers right-aligned with tabular digits, nulls shown as `–`. At most
    /// `maximumTableColumns` columns and `maximumTableCells` cells, with a note when cut.
    ///
    /// - Complexity: O(min(rows × columns, maximumTableCells)).
    static func dataTable(_ table: ResultTable) -> String {
        let columns = Array(table.columns.prefix(maximumTableColumns))
        let rowCount = min(table.rowCount, max(1, maximumTableCells / max(1, columns.count)))
        var lines = ["<table>", "<thead>", "<tr>"]
        for column in columns {
            // Counts and dates need no unit beside their name; money, %, ratios and days do.
            let shown: Set<ValueUnit> = [.money, .percent, .ratio, .days]
            let unit = ValueFormatter.unitName(column.unit).flatMap { shown.contains(column.unit) && $0 != column.name ? $0 : nil }
                .map { " <span class=\"unit\">\(Markup.escape($0))</span>" } ?? ""
            lines.append("<th class=\"\(column.isNumeric && column.unit != .date ? "num" : "text")\">\(Markup.escape(column.name))\(unit)</th>")
        }
        lines += ["</tr>", "</thead>", "<tbody>"]
        for row in 0..<rowCount {
            let cells = columns.map { column -> String in
                let numeric = column.isNumeric && column.unit != .date
                guard let text = ValueFormatter.display(column, row: row) else { return "<td class=\"null\">–</td>" }
                return "<td class=\"\(numeric ? "num" : "text")\">\(Markup.escape(text))</td>"
            }
            lines.append("<tr>" + cells.joined() + "</tr>")
        }
        lines += ["</tbody>", "</table>"]
        if rowCount < table.rowCount || columns.count < table.columns.count {
            let grouped = { (value: Int) in ValueFormatter.grouped(Int64(value)) }
            lines.append("<p class=\"note\">Showing the first \(grouped(rowCount)) of \(grouped(table.rowCount)) rows and "
                + "\(grouped(columns.count)) of \(grouped(table.columns.count)) columns; export the result as .csv for all of it.</p>")
        }
        return lines.joined(separator: "\n")
    }

    private static func firstLine(_ query: String) -> String? {
        let line = query.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let line, !line.isEmpty else { return nil }
        return DisplayWidth.truncate(line, to: 80)
    }

    private static func shapeName(_ shape: ResultShape) -> String {
        switch shape {
        case .table: return "Table"
        case .retention: return "Retention"
        case .funnel: return "Funnel"
        case .stageShare: return "Stage share"
        case .transitions: return "Stage transitions"
        case .series: return "Series"
        case .paths: return "Paths"
        case .lifecycle: return "Lifecycle"
        }
    }

    /// Presentation mode (`.present on`): larger text, black on white, firmer borders, for the back of a room.
    private static let presentStyle = """
    body { font-size: 20px; color: #000; background: #fff; }
    main { max-width: 1400px; }
    h1 { font-size: 34px; }
    h2 { font-size: 18px; color: #333; }
    .meta, footer, .note { color: #444; font-size: 16px; }
    pre.query { font-size: 20px; border-color: #888; }
    figure.chart, .table-wrap { border: 2px solid #888; }
    table { font-size: 20px; }
    th, td { padding: 8px 14px; border-bottom: 1px solid #bbb; }
    th .unit { color: #444; }
    """

    private static let style = """
    :root { color-scheme: light; }
    body { margin: 0; background: #f6f7f9; color: #222; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
    main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 48px; }
    h1 { font-size: 22px; margin: 8px 0 2px; }
    h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .06em; color: #666; margin: 28px 0 8px; }
    .meta, footer { color: #777; font-size: 12px; }
    footer { margin-top: 32px; }
    pre.query { background: #fff; border: 1px solid #e2e4e8; border-radius: 6px; padding: 12px 14px; overflow-x: auto; font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; }
    figure.chart { margin: 0; background: #fff; border: 1px solid #e2e4e8; border-radius: 6px; padding: 8px; overflow-x: auto; }
    figure.chart svg { max-width: 100%; height: auto; display: block; }
    .note { color: #777; font-style: italic; }
    .table-wrap { overflow-x: auto; background: #fff; border: 1px solid #e2e4e8; border-radius: 6px; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; }
    th, td { padding: 6px 12px; border-bottom: 1px solid #eef0f2; white-space: nowrap; }
    th { background: #fafbfc; text-align: left; font-weight: 600; position: sticky; top: 0; }
    th .unit { color: #999; font-weight: 400; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    td.null { color: #bbb; text-align: center; }
    tbody tr:hover { background: #f3f7fb; }
    """
}
