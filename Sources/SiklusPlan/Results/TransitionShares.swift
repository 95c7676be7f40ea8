import SiklusLanguage

/// `metric transitions percent`: the transition counts as shares of each row (where the customers in a stage
/// at the end of a period are at the end of the next), under an `entered` row (each customer's first stage, at
/// the end of the first period in which they have one). Shared by the in-memory evaluator and the SQL reader.
public enum TransitionShares {
    /// The label of the first row.
    public static let enteredRow = "entered"

    /// The table from counts laid out as `from × to` over `Stage.allCases` (index `from * n + to`), then the
    /// `entered` row's n counts; a row without moves is empty.
    public static func table(counts: [Int], period: PeriodUnit) -> ResultTable {
        let stages = Stage.allCases, n = stages.count
        precondition(counts.count == n * n + n, "transition counts are from × to plus the entered row")
        // Rows: entered, then each stage; row r's counts start at offsets[r].
        let offsets = [n * n] + stages.map { $0.rawValue * n }
        var columns = [ResultColumn(name: "from", unit: .text, values: .text([enteredRow] + stages.map(\.name)))]
        for to in stages {
            columns.append(ResultColumn(name: to.name, unit: .percent, values: .number(offsets.map { start in
                let total = counts[start..<start + n].reduce(0, +)
                return total == 0 ? nil : Double(counts[start + to.rawValue]) / Double(total) * 100
            })))
        }
        return ResultTable(columns: columns, shape: .transitions, title: title(period))
    }

    /// The table's title (the same from every backend).
    public static func title(_ period: PeriodUnit) -> ResultTitle { .transitionShares(period: period) }
}
