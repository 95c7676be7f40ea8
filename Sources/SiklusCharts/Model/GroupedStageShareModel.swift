import SiklusLanguage
import SiklusEngine

/// A stage share split by groups (`cohort by channel | metric stage_share`): one `StageShareModel` per
/// group, every one with the same stages in the same order, so a stage has one colour in every bar.
struct GroupedStageShareModel: Equatable {
    struct Group: Equatable {
        /// The group's labels joined (`email`, `email · ID` for two group columns).
        var label: String
        var share: StageShareModel
    }

    var title: String
    /// The group columns' names joined like the labels (`cohort`, `channel · country`).
    var groupHeader: String
    /// Every stage in lifecycle order: the legend, and the entries of each group.
    var stages: [String]
    var groups: [Group]

    /// The text columns before `stage` in a stage share table: its groups, none when it is not split.
    static func groupColumns(_ table: ResultTable) -> [ResultColumn] {
        guard let stage = table.columns.firstIndex(where: { $0.name == "stage" }) else { return [] }
        return Array(table.columns[..<stage].prefix { !$0.isNumeric })
    }
}

extension GroupedStageShareModel {
    /// Reads a grouped `.stageShare` table: group columns, `stage`, `customers`, `share`; the rows of a
    /// group need not be together. Shares are the table's (within the group), else computed per group.
    ///
    /// - Complexity: O(rows × stages).
    init(stageShare table: ResultTable) throws {
        try table.requireRows()
        let groupColumns = Self.groupColumns(table)
        guard !groupColumns.isEmpty else {
            throw ChartError.missingColumn(name: "group", shape: table.shape, available: table.columns.map(\.name))
        }
        let whole = try StageShareModel(stageShare: table)
        var order: [String] = []
        var rowsOf: [String: [Int]] = [:]
        for row in 0..<table.rowCount {
            let label = groupColumns.map { $0.label(at: row) ?? "(none)" }.joined(separator: " · ")
            if rowsOf[label] == nil { order.append(label) }
            rowsOf[label, default: []].append(row)
        }
        var stages: [String] = []
        for entry in whole.entries where !stages.contains(entry.stage) { stages.append(entry.stage) }
        let groups = try order.map { label -> Group in
            let part = try StageShareModel(stageShare: table.selecting(rows: rowsOf[label] ?? []))
            // Aligned to `stages`, so index i is the same stage (and colour) in every group.
            let entries = stages.map { stage in
                part.entries.first { $0.stage == stage } ?? StageShareModel.Entry(stage: stage, customers: 0, share: 0)
            }
            return Group(label: label, share: StageShareModel(title: label, entries: entries, total: part.total))
        }
        let header = ChartWords.headers(groupColumns.map(\.name))
        self.init(title: (table.title?.text(in: .current) ?? MessageCatalog.text("chart.customers_by_stage")) + MessageCatalog.text("chart.by_group", ["group": header]), groupHeader: header,
                  stages: stages, groups: groups)
    }
}

extension ResultTable {
    /// The same columns holding only `rows`, in that order.
    func selecting(rows: [Int]) -> ResultTable {
        let columns = columns.map { column -> ResultColumn in
            switch column.values {
            case .text(let v): return ResultColumn(name: column.name, unit: column.unit, values: .text(rows.map { v[$0] }))
            case .integer(let v): return ResultColumn(name: column.name, unit: column.unit, values: .integer(rows.map { v[$0] }))
            case .number(let v): return ResultColumn(name: column.name, unit: column.unit, values: .number(rows.map { v[$0] }))
            }
        }
        return ResultTable(columns: columns, shape: shape, title: title)
    }
}
