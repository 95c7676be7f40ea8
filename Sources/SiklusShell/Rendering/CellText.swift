import SiklusCharts
import SiklusEngine
import SiklusStore

/// The text of one result cell, either exact (csv, tsv, json) or formatted for reading (box, table,
/// plain, markdown, line).
enum CellText {
    /// Exact text: integers as written, numbers at full precision (`NumberText.plain`), dates as
    /// `YYYY-MM-DD` (or `YYYY-MM-DD HH:MM:SS` when not at midnight); nil for a null.
    ///
    /// Dates are written as ISO text in every mode because Unix seconds in a CSV are useless to a reader
    /// and the ISO text loses nothing.
    static func exact(_ column: ResultColumn, row: Int) -> String? {
        switch column.values {
        case .text(let values):
            return values[row]
        case .integer(let values):
            guard let value = values[row] else { return nil }
            return column.unit == .date ? CivilTime.formatDateTime(value) : String(value)
        case .number(let values):
            guard let value = values[row] else { return nil }
            if column.unit == .date, value.isFinite, abs(value) < 1e15 { return CivilTime.formatDateTime(Int64(value)) }
            return NumberText.plain(value)
        }
    }

    /// Text for reading, used by the modes meant for a person (box, table, plain, markdown, line): money
    /// to 2 decimals and percent to 1 decimal with `%`, ratios and days to 2 decimals (days under one as
    /// hours or minutes: `5.2 h`), counts as integers, all with thousands separators; dates as
    /// `YYYY-MM-DD` (with the time when not at midnight, so raw event times stay readable); a number
    /// without a unit (a model's estimate, any magnitude) to 6 significant digits (`NumberText.significant`).
    /// Nil for a null.
    static func formatted(_ column: ResultColumn, row: Int) -> String? {
        let number: Double
        switch column.values {
        case .text(let values):
            return values[row]
        case .integer(let values):
            guard let value = values[row] else { return nil }
            switch column.unit {
            case .date: return CivilTime.formatDateTime(value)
            case .money: return NumberText.fixed(Double(value), decimals: 2)
            case .percent: return NumberText.fixed(Double(value), decimals: 1) + "%"
            case .text, .count, .ratio, .days: return NumberText.grouped(value)
            }
        case .number(let values):
            guard let value = values[row] else { return nil }
            number = value
        }
        guard number.isFinite else { return NumberText.plain(number) }
        switch column.unit {
        case .text: return NumberText.significant(number)
        case .money: return NumberText.fixed(number, decimals: 2)
        case .percent: return NumberText.fixed(number, decimals: 1) + "%"
        case .ratio: return NumberText.fixed(number, decimals: 2)
        case .days: return DurationText.underADay(number) ?? NumberText.fixed(number, decimals: 2)
        case .count:
            return abs(number) < 9e18 ? NumberText.grouped(Int64(number.rounded())) : NumberText.plain(number)
        case .date:
            return abs(number) < 1e15 ? CivilTime.formatDateTime(Int64(number)) : NumberText.plain(number)
        }
    }

    /// Text for a person to read (box, table, plain, line and markdown modes, headers and titles too):
    /// control characters escaped (`\x1b`, `\n`, `\t`, C1, DEL) so data cannot drive the terminal.
    /// The exact modes (csv, tsv, json) never call it. The same escaping as chart labels (`VisibleText`).
    static func display(_ text: String) -> String { VisibleText.escapingControls(text) }

    /// True for columns rendered right-aligned: numbers, except dates (fixed-width text to a reader).
    static func isRightAligned(_ column: ResultColumn) -> Bool {
        if column.unit == .date { return false }
        if case .text = column.values { return false }
        return true
    }

    /// True when the cell is missing.
    static func isNull(_ column: ResultColumn, row: Int) -> Bool {
        switch column.values {
        case .text(let values): values[row] == nil
        case .integer(let values): values[row] == nil
        case .number(let values): values[row] == nil
        }
    }
}

extension CellText {
    /// The texts of a footer row (retention's mean rows) for reading: the label in the first column,
    /// each value formatted in the row's unit, blanks where it has none.
    static func footer(_ row: ResultFooterRow, columns: Int, locale: ReadingLocale = .english) -> [String] {
        (0..<columns).map { i in
            if i == 0 { return display(row.label) }
            guard i < row.values.count, let value = row.values[i] else { return "" }
            return formatted(ResultColumn(name: "", unit: row.unit, values: .number([value])), row: 0, locale: locale) ?? ""
        }
    }
}
