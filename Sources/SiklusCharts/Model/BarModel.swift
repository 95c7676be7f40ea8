import SiklusEngine

/// Labelled values for a plain two-column table drawn as horizontal bars.
struct BarModel: Equatable {
    struct Bar: Equatable {
        var label: String
        var value: Double?
    }

    var title: String
    var labelHeader: String
    var valueHeader: String
    var unit: ValueUnit
    var bars: [Bar]

    /// The largest magnitude, which a full-length bar stands for.
    var scale: Double { bars.compactMap { $0.value.map(abs) }.max() ?? 0 }

    /// The (label, value) columns of a table that is exactly one text column and one numeric
    /// column, in either order; nil otherwise.
    static func labelAndValueColumns(_ table: ResultTable) -> (label: ResultColumn, value: ResultColumn)? {
        guard table.columns.count == 2 else { return nil }
        let text = table.columns.filter { !$0.isNumeric }
        let numbers = table.columns.filter { $0.isNumeric && $0.unit != .date }
        guard text.count == 1, numbers.count == 1 else { return nil }
        return (text[0], numbers[0])
    }
}

extension BarModel {
    /// Reads a `.table` with one text and one numeric column, or says why it has no chart.
    init(table: ResultTable) throws {
        guard let (label, value) = BarModel.labelAndValueColumns(table) else {
            throw ChartError.noChart(reason: ChartKind.noChartReason(table) ?? "no text and numeric column pair")
        }
        try table.requireRows()
        let bars = (0..<table.rowCount).map { Bar(label: label.label(at: $0) ?? "(none)", value: value.number(at: $0)) }
        self.init(title: table.title?.text(in: .current) ?? ChartWords.by(ChartWords.header(value.name), ChartWords.header(label.name)), labelHeader: ChartWords.header(label.name),
                  valueHeader: value.name, unit: value.unit, bars: bars)
    }
}
