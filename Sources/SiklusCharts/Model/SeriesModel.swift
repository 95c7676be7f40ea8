import SiklusLanguage
import SiklusEngine

/// Metrics over a time dimension: one panel per metric column, one line per group.
struct SeriesModel: Equatable {
    /// One line: a group's values at each x position (nil = no data for that period).
    struct Series: Equatable {
        var name: String
        var values: [Double?]
    }

    /// One metric, drawn on its own axes because metrics rarely share a unit or scale.
    struct Panel: Equatable {
        var metric: String
        var unit: ValueUnit
        var series: [Series]

        /// Smallest and largest value over all series, nil when every value is null.
        var range: (min: Double, max: Double)? {
            let values = series.flatMap { $0.values.compactMap { $0 } }
            guard let low = values.min(), let high = values.max() else { return nil }
            return (low, high)
        }

        /// Axis title: the metric and its unit, e.g. `revenue (money)`, `repeat_rate (%)`, `orders` (`AxisTitle`).
        var axisTitle: String { AxisTitle.of(metric, unit: unit) }
    }

    var title: String
    /// Name of the time column ("month").
    var timeHeader: String
    /// Name of the group column ("channel"), nil for a single series.
    var groupHeader: String?
    /// Period labels, in time order.
    var xLabels: [String]
    var panels: [Panel]

    /// Line names in legend order (the same in every panel).
    var seriesNames: [String] { panels.first?.series.map(\.name) ?? [] }
}

extension SeriesModel {
    /// Reads a `.series` table: a time column first, then optionally a text group column, then
    /// one or more numeric metric columns.
    init(series table: ResultTable) throws {
        try table.requireRows()
        guard let time = table.columns.first else { throw ChartError.empty(shape: table.shape) }
        let group = table.columns.dropFirst().first.flatMap { $0.isNumeric ? nil : $0 }
        let metrics = table.columns.dropFirst().filter { $0.isNumeric && $0.unit != .date }
        guard !metrics.isEmpty else {
            throw ChartError.noChart(reason: "a series needs a numeric metric column after '\(time.name)'")
        }

        // x positions: date periods sorted by time; text labels in the order they first appear
        // (the engine emits them in time order, and "Sep 2022" would not sort as text).
        let keys = (0..<table.rowCount).map { Self.periodKey(time, row: $0) }
        var labels: [String] = []
        var seen: [String: Double?] = [:]
        for key in keys where seen[key.label] == nil {
            seen[key.label] = key.order
            labels.append(key.label)
        }
        if keys.allSatisfy({ $0.order != nil }) {
            labels.sort { (seen[$0] ?? nil) ?? 0 < (seen[$1] ?? nil) ?? 0 }
        }
        let xIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })

        var groupNames: [String] = []
        var groupIndex: [String: Int] = [:]
        let rowGroups = (0..<table.rowCount).map { row -> Int in
            let name = group.map { $0.label(at: row) ?? "(none)" } ?? (metrics.count == 1 ? metrics[0].name : "")
            if let index = groupIndex[name] { return index }
            groupIndex[name] = groupNames.count
            groupNames.append(name)
            return groupNames.count - 1
        }

        let panels = metrics.map { metric -> Panel in
            var grid = Array(repeating: [Double?](repeating: nil, count: labels.count), count: groupNames.count)
            for row in 0..<table.rowCount {
                guard let x = xIndex[keys[row].label] else { continue }
                grid[rowGroups[row]][x] = metric.number(at: row)
            }
            let series = zip(groupNames, grid).map { Series(name: group == nil ? metric.name : $0, values: $1) }
            return Panel(metric: metric.name, unit: metric.unit, series: series)
        }
        guard panels.contains(where: { $0.range != nil }) else { throw ChartError.empty(shape: table.shape) }

        let dimensions = [time.name] + (group.map { [$0.name] } ?? [])
        self.init(
            title: table.title?.text(in: .current) ?? ChartWords.by(ChartWords.headers(metrics.map(\.name), separator: ", "),
                                                dimensions.map(ChartWords.header).joined(separator: " " + MessageCatalog.text("chart.and") + " ")),
            timeHeader: ChartWords.header(time.name), groupHeader: group.map { ChartWords.header($0.name) }, xLabels: labels, panels: panels)
    }

    /// The label of the period at `row`, with a sort key when the column holds numbers.
    private static func periodKey(_ column: ResultColumn, row: Int) -> (label: String, order: Double?) {
        switch column.values {
        case .integer(let values):
            guard let value = values[row] else { return ("(none)", nil) }
            // A year stored as a plain integer must read 2022, not "2k".
            let label = column.unit == .date ? (column.label(at: row) ?? "") : String(value)
            return (label, Double(value))
        case .number(let values):
            guard let value = values[row] else { return ("(none)", nil) }
            return (ValueFormatter.plain(value) ?? "", value)
        case .text(let values):
            return (values[row] ?? "(none)", nil)
        }
    }
}
