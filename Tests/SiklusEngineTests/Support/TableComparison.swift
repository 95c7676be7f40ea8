@testable import SiklusEngine

/// Compares a Siklus result with an expected table: shape, column names, units and value types exactly,
/// text and integers exactly, doubles within `tolerance` relative.
enum TableComparison {
    static func difference(_ actual: ResultTable, _ expected: ResultTable, tolerance: Double = 1e-9) -> String? {
        if actual.shape != expected.shape { return "shape \(actual.shape) ≠ expected \(expected.shape)" }
        let names = actual.columns.map(\.name), wanted = expected.columns.map(\.name)
        if names != wanted { return "columns \(names) ≠ expected \(wanted)" }
        if actual.rowCount != expected.rowCount {
            return "\(actual.rowCount) rows ≠ expected \(expected.rowCount)\n" + side(actual, expected)
        }
        for (a, e) in zip(actual.columns, expected.columns) {
            if a.unit != e.unit { return "column \(a.name): unit \(a.unit) ≠ expected \(e.unit)" }
            for row in 0..<actual.rowCount {
                let same: Bool
                switch (a.values, e.values) {
                case (.text(let x), .text(let y)): same = x[row] == y[row]
                case (.integer(let x), .integer(let y)): same = x[row] == y[row]
                case (.number(let x), .number(let y)):
                    switch (x[row], y[row]) {
                    case (nil, nil): same = true
                    case let (p?, q?): same = abs(p - q) <= tolerance * max(1, abs(p), abs(q))
                    default: same = false
                    }
                default: return "column \(a.name): value type differs (\(a.values) vs \(e.values))"
                }
                if !same {
                    return "column \(a.name) row \(row): \(PlainTable.cell(a.values, row)) ≠ expected \(PlainTable.cell(e.values, row))\n"
                        + side(actual, expected)
                }
            }
        }
        return nil
    }

    /// Both tables rendered, for a failure message.
    private static func side(_ actual: ResultTable, _ expected: ResultTable) -> String {
        "actual:\n" + PlainTable.render(actual) + "\nexpected:\n" + PlainTable.render(expected)
    }
}
