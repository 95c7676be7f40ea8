import SiklusLanguage
import SiklusEngine

/// A grid of values shaded by a percentage: cohorts × periods for retention, stages × stages
/// for transitions. Built once from the result table and drawn by the terminal and SVG renderers.
struct HeatmapModel: Equatable {
    /// One cell: the value the query asked for, and the percentage that decides its shade.
    struct Cell: Equatable {
        /// The number shown (a count or a percentage, per `valueUnit`).
        var value: Double
        /// Percentage of the row's base (cohort size, or all moves out of a stage).
        var percent: Double
    }

    /// One row: its label, optional size (cohort customers) and cells (nil = no data).
    struct Row: Equatable {
        var label: String
        var size: Double?
        var cells: [Cell?]
    }

    /// Chart title.
    var title: String
    /// Header above the row labels ("cohort", "from").
    var rowHeader: String
    /// Header of the size column ("customers"), nil when rows have no size.
    var sizeHeader: String?
    /// Column labels ("0", "1", … or stage names).
    var columnLabels: [String]
    /// What the columns mean, for axis titles ("periods since first active", "to stage").
    var columnTitle: String
    /// Unit of `Cell.value`: `.count` or `.percent`.
    var valueUnit: ValueUnit
    var rows: [Row]
    /// The percentage the top shade starts at (see `ShadeScale`).
    var shadeReference: Double
    /// What the shading measures, for the legend ("share of cohort").
    var shadeMeaning: String
    /// What a row is, for notes ("cohort", "stage").
    var rowNoun: String

    /// Number of cells holding data.
    var filledCellCount: Int { rows.reduce(0) { $0 + $1.cells.compactMap { $0 }.count } }

    /// The scale for `levels` shades.
    func shadeScale(levels: Int) -> ShadeScale { ShadeScale(reference: shadeReference, levels: levels) }
}

extension HeatmapModel {
    /// Reads a `.retention` table: `cohort`, `customers`, then one column per period offset.
    /// Count cells are shaded by their share of the cohort's customers.
    init(retention table: ResultTable) throws {
        try table.requireRows()
        let cohort = try table.required("cohort")
        let customers = try table.requiredNumeric("customers")
        // Period offsets (`3`) and brackets (`2-7`); `base_…` columns (`| detail`) are not cells.
        let periods = table.columns.filter { Int($0.name) != nil || $0.name.split(separator: "-").map { Int($0) != nil } == [true, true] }
        guard let firstPeriod = periods.first else {
            throw ChartError.missingColumn(name: "0", shape: table.shape, available: table.columns.map(\.name))
        }
        for column in periods where !column.isNumeric {
            throw ChartError.wrongColumnType(name: column.name, expected: "numeric", found: column.kindDescription)
        }
        let unit: ValueUnit = firstPeriod.unit == .percent ? .percent : .count
        var rows: [Row] = []
        for row in 0..<table.rowCount {
            let size = customers.number(at: row)
            let cells = periods.map { column -> Cell? in
                guard let value = column.number(at: row) else { return nil }
                if unit == .percent { return Cell(value: value, percent: value) }
                guard let size, size > 0 else { return Cell(value: value, percent: 0) }
                return Cell(value: value, percent: value / size * 100)
            }
            rows.append(Row(label: cohort.label(at: row) ?? "(none)", size: size, cells: cells))
        }
        // Period 0 is usually 100 %; leave it out of the reference so later periods spread
        // across the shades instead of all sitting at the bottom.
        let later = rows.flatMap { $0.cells.dropFirst().compactMap { $0?.percent } }
        let all = rows.flatMap { $0.cells.compactMap { $0?.percent } }
        self.init(
            title: table.title?.text(in: .current) ?? MessageCatalog.text(unit == .percent ? "chart.retention_percent_title" : "chart.retention_count_title"),
            rowHeader: ChartWords.header(cohort.name), sizeHeader: ChartWords.header(customers.name),
            columnLabels: periods.map(\.name), columnTitle: MessageCatalog.text("chart.periods_since_start"),
            valueUnit: unit, rows: rows,
            shadeReference: (later.isEmpty ? all : later).max() ?? 0,
            shadeMeaning: MessageCatalog.text("chart.share_of_cohort"), rowNoun: "cohort")
    }

    /// Reads a `.transitions` table: `from`, then one column per destination stage. Count cells
    /// are shaded by their share of all moves out of the row's stage.
    init(transitions table: ResultTable) throws {
        try table.requireRows()
        let from = try table.required("from")
        let targets = table.columns.filter { $0.name != from.name }
        guard !targets.isEmpty else { throw ChartError.empty(shape: table.shape) }
        for column in targets where !column.isNumeric {
            throw ChartError.wrongColumnType(name: column.name, expected: "numeric", found: column.kindDescription)
        }
        let unit: ValueUnit = targets[0].unit == .percent ? .percent : .count
        var rows: [Row] = []
        for row in 0..<table.rowCount {
            let values = targets.map { $0.number(at: row) }
            let total = values.compactMap { $0 }.reduce(0, +)
            let cells = values.map { value -> Cell? in
                guard let value else { return nil }
                let percent = unit == .percent ? value : (total > 0 ? value / total * 100 : 0)
                return Cell(value: value, percent: percent)
            }
            rows.append(Row(label: from.label(at: row) ?? "(none)", size: nil, cells: cells))
        }
        self.init(
            title: table.title?.text(in: .current) ?? MessageCatalog.text("chart.transitions_title"),
            rowHeader: ChartWords.header(from.name), sizeHeader: nil,
            columnLabels: targets.map { ChartWords.stage($0.name) }, columnTitle: MessageCatalog.text("chart.to_stage"),
            valueUnit: unit, rows: rows,
            shadeReference: rows.flatMap { $0.cells.compactMap { $0?.percent } }.max() ?? 0,
            shadeMeaning: MessageCatalog.text("chart.share_of_moves"), rowNoun: "stage")
    }
}
