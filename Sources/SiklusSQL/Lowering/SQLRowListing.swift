import SiklusPlan

/// How the rows of a lowered `rows` step become its result table, as the in-memory `RowListing`: times
/// come back as Unix seconds and become ISO text (the date alone when no listed time of the column has
/// a time of day), loaded numbers keep the engine's type (whole → count, decimal → ratio), and the note
/// gives the total in scope. The query returns the listed columns, then `siklus_total` (rows in scope),
/// then per time column a flag "some listed value has a time of day" (over the N rows listed, before any
/// sort or limit, as in memory), then, when `amountIfAny`, a flag "some listed row has an amount".
public struct SQLRowListing: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case text, time, money, count, asLoaded }

    public var names: [String]
    public var kinds: [Kind]
    /// `event rows` or `customers`, for the note.
    public var things: String
    public var limit: Int
    /// The index of an amount column shown only when a listed row has a value (a derived amount).
    public var amountIfAny: Int?

    /// The SQL columns after the listed ones.
    static func extraColumns(timeColumns: Int, amountFlag: Bool) -> [String] {
        ["siklus_total"] + (0..<timeColumns).map { "siklus_time_of_day_\($0 + 1)" } + (amountFlag ? ["siklus_has_amount"] : [])
    }

    func table(_ rows: SQLRows) throws(SQLResultError) -> ResultTable {
        let times = kinds.indices.filter { kinds[$0] == .time }
        let expected = names.count + Self.extraColumns(timeColumns: times.count, amountFlag: amountIfAny != nil).count
        guard rows.columns.count == expected else { throw SQLResultError("the engine returned \(rows.columns.count) columns, expected \(expected)") }
        func integers(_ c: Int) throws(SQLResultError) -> [Int64?] {
            guard case .integer(let v) = try SQLLoweredQuery.values(rows.columns[c].values, as: .count) else { throw SQLResultError("\(rows.columns[c].name) must be whole") }
            return v
        }
        func flag(_ c: Int) throws(SQLResultError) -> Bool { try integers(c).contains { ($0 ?? 0) != 0 } }
        let total = try integers(names.count).first.flatMap { $0 } ?? 0
        var columns: [ResultColumn] = []
        for (i, kind) in kinds.enumerated() {
            let values = rows.columns[i].values
            switch kind {
            case .text: columns.append(ResultColumn(name: names[i], unit: .text, values: try SQLLoweredQuery.values(values, as: .text)))
            case .money: columns.append(ResultColumn(name: names[i], unit: .money, values: try SQLLoweredQuery.values(values, as: .money)))
            case .count: columns.append(ResultColumn(name: names[i], unit: .count, values: try SQLLoweredQuery.values(values, as: .count)))
            case .asLoaded:
                let unit: ValueUnit = if case .integer = values { .count } else { .ratio }
                columns.append(ResultColumn(name: names[i], unit: unit, values: try SQLLoweredQuery.values(values, as: unit)))
            case .time:
                let withTimeOfDay = try flag(names.count + 1 + (times.firstIndex(of: i) ?? 0))
                columns.append(ResultColumn(name: names[i], unit: .text, values: .text(RowListingText.times(try integers(i), withTimeOfDay: withTimeOfDay))))
            }
        }
        if let amount = amountIfAny, !(try flag(expected - 1)) { columns.remove(at: amount) }
        let shown = min(Int(total), limit)
        return ResultTable(columns: columns, notes: [RowListingText.note(shown: shown, total: Int(total), of: things, limit: limit)])
    }
}
