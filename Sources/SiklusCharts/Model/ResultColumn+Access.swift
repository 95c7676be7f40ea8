import SiklusEngine

/// Cell access shared by the chart models: numbers and labels regardless of storage type.
extension ResultColumn {
    /// Whether the column holds numbers (integers or doubles) rather than text.
    var isNumeric: Bool {
        if case .text = values { return false }
        return true
    }

    /// "text", "integer" or "number", plus the unit for numeric columns, for messages.
    var kindDescription: String {
        switch values {
        case .text: return "text"
        case .integer: return unit == .date ? "date" : "integer \(unit.rawValue)"
        case .number: return "number \(unit.rawValue)"
        }
    }

    /// The cell at `row` as a number; nil for null, text, NaN or infinity.
    func number(at row: Int) -> Double? {
        switch values {
        case .integer(let v): return v[row].map(Double.init)
        case .number(let v): return v[row].flatMap { $0.isFinite ? $0 : nil }
        case .text: return nil
        }
    }

    /// The cell at `row` as a label: text with its control characters escaped (`VisibleText`), dates
    /// as period labels, numbers compact. Nil only for a null cell.
    func label(at row: Int) -> String? {
        switch values {
        case .text(let v): return v[row].map(VisibleText.escapingControls)
        case .integer(let v):
            guard let value = v[row] else { return nil }
            guard unit == .date else { return ValueFormatter.compact(Double(value), unit: unit) }
            return TimeDimension(columnName: name)?.label(seconds: value) ?? ValueFormatter.isoDate(seconds: value)
        case .number(let v):
            return v[row].map { ValueFormatter.compact($0, unit: unit) }
        }
    }
}

extension ResultTable {
    /// The column named `name`, or a `missingColumn` error naming the columns there are.
    func required(_ name: String) throws -> ResultColumn {
        guard let column = column(name) else {
            throw ChartError.missingColumn(name: name, shape: shape, available: columns.map(\.name))
        }
        return column
    }

    /// The numeric column named `name`, or an error saying what it held instead.
    func requiredNumeric(_ name: String) throws -> ResultColumn {
        let column = try required(name)
        guard column.isNumeric else {
            throw ChartError.wrongColumnType(name: name, expected: "numeric", found: column.kindDescription)
        }
        return column
    }

    /// Throws `empty` when there are no rows, since every chart needs at least one.
    func requireRows() throws {
        if rowCount == 0 { throw ChartError.empty(shape: shape) }
    }
}
