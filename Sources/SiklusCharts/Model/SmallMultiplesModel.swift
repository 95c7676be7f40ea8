import SiklusEngine

/// Several metrics over the same groups (`cohort by channel | metric cpa, repeat_rate`): one small
/// panel of bars per metric, every panel with the same group labels in the same order, each on its
/// own scale because metrics rarely share a unit.
struct SmallMultiplesModel: Equatable {
    /// One metric's bars.
    struct Panel: Equatable {
        var metric: String
        var unit: ValueUnit
        /// One value per label (nil: no value), in label order.
        var values: [Double?]

        /// The largest magnitude, which a full-length bar stands for.
        var scale: Double { values.compactMap { $0.map(abs) }.max() ?? 0 }
        /// The panel's heading: the metric and its unit (`AxisTitle`).
        var title: String { AxisTitle.of(metric, unit: unit) }

        /// Each value as a table shows it (`—` for none).
        var texts: [String] { values.map { $0.map { ValueFormatter.display($0, unit: unit) } ?? "—" } }
    }

    var title: String
    /// The label columns' names joined (`cohort`, `channel · country`).
    var labelHeader: String
    var labels: [String]
    var panels: [Panel]

    /// The label and metric columns of a table that is text columns (at least one) and numeric
    /// columns (at least one, no dates) and nothing else; nil otherwise. `ChartKind` draws one numeric
    /// column with one label column as plain bars, and every other such table as small multiples.
    static func labelAndMetricColumns(_ table: ResultTable) -> (labels: [ResultColumn], metrics: [ResultColumn])? {
        let labels = table.columns.filter { !$0.isNumeric }
        let metrics = table.columns.filter { $0.isNumeric && $0.unit != .date }
        guard !labels.isEmpty, !metrics.isEmpty, labels.count + metrics.count == table.columns.count else { return nil }
        return (labels, metrics)
    }
}

extension SmallMultiplesModel {
    /// Reads a table of label columns and metric columns, or says why it has no chart.
    ///
    /// - Complexity: O(rows × columns).
    init(table: ResultTable) throws {
        guard let (labelColumns, metrics) = Self.labelAndMetricColumns(table) else {
            throw ChartError.noChart(reason: ChartKind.noChartReason(table) ?? "no text and numeric columns")
        }
        try table.requireRows()
        let labels = (0..<table.rowCount).map { row in
            labelColumns.map { $0.label(at: row) ?? "(none)" }.joined(separator: " · ")
        }
        let panels = metrics.map { metric in
            Panel(metric: metric.name, unit: metric.unit, values: (0..<table.rowCount).map { metric.number(at: $0) })
        }
        let header = ChartWords.headers(labelColumns.map(\.name))
        self.init(title: table.title?.text(in: .current) ?? ChartWords.by(ChartWords.headers(metrics.map(\.name), separator: ", "), header),
                  labelHeader: header, labels: labels, panels: panels)
    }
}
