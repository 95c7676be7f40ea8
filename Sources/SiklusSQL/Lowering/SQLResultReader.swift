import SiklusPlan

/// How an engine's rows become the result table: column by column with each column's unit, or (when the
/// table's columns depend on the data, as retention's) through a pivot of long-form cells.
public enum SQLResultReading: Sendable, Equatable {
    /// One result column per SQL column, in order; `count` columns are integers, text columns text,
    /// every other column a number.
    case table(units: [ValueUnit], shape: ResultShape, title: ResultTitle? = nil)
    /// Long-form retention cells pivoted in Swift (`SQLRetentionPivot`).
    case retention(SQLRetentionPivot)
    /// `funnel … | histogram`: (seconds, customers) rows binned in Swift (`FunnelHistogramTable`).
    case funnelHistogram(title: ResultTitle)
    /// A `rows` listing: times as ISO text, the note with the total (`SQLRowListing`).
    case rows(SQLRowListing)
}

/// The engine's rows do not have the shape the lowering asked for (an engine or connection bug), or a
/// pivot would be too large.
public struct SQLResultError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension SQLLoweredQuery {
    /// The result table of the rows `query` returned, as the in-memory engine builds it.
    public func resultTable(_ rows: SQLRows) throws(SQLResultError) -> ResultTable {
        switch reading {
        case .retention(let pivot):
            return try pivot.table(rows)
        case .funnelHistogram(let title):
            return try Self.funnelHistogram(rows, title: title)
        case .rows(let listing):
            return try listing.table(rows)
        case .table(let units, let shape, let title):
            guard rows.columns.count == units.count else {
                throw SQLResultError("the engine returned \(rows.columns.count) columns, expected \(units.count)")
            }
            var columns: [ResultColumn] = []
            for (i, unit) in units.enumerated() {
                let name = i < self.columns.count ? self.columns[i] : rows.columns[i].name
                columns.append(ResultColumn(name: name, unit: unit, values: try Self.values(rows.columns[i].values, as: unit)))
            }
            return ResultTable(columns: columns, shape: shape, title: title)
        }
    }

    /// A column's values typed as the unit wants them.
    static func values(_ values: SQLColumnValues, as unit: ValueUnit) throws(SQLResultError) -> ColumnValues {
        switch (unit, values) {
        case (.text, .text(let v)): return .text(v)
        case (.text, .dictionary(let codes, let strings)): return .text(codes.map { $0 < 0 ? nil : strings[Int($0)] })
        case (.count, .integer(let v)): return .integer(v)
        case (.count, .number(let v)):
            // Some engines return sums of integers as decimals or doubles; counts are whole.
            return .integer(v.map { $0.map { Int64($0.rounded()) } })
        case (_, .integer(let v)) where unit != .text: return .number(v.map { $0.map(Double.init) })
        case (_, .number(let v)) where unit != .text: return .number(v)
        default:
            throw SQLResultError("a \(values.type.rawValue) column where a \(unit.rawValue) column was expected")
        }
    }
}
