import SiklusTime
@testable import SiklusSQL

/// A value a test query must return.
enum Expected: Equatable, CustomStringConvertible {
    case text(String)
    case number(Double)
    case boolean(Bool)
    case null

    var description: String {
        switch self {
        case .text(let s): "'\(s)'"
        case .number(let v): "\(v)"
        case .boolean(let b): "\(b)"
        case .null: "NULL"
        }
    }

    /// True when the engine's text cell is this value (numbers within 1e-9, relative).
    func matches(_ cell: String?) -> Bool {
        switch self {
        case .null: return cell == nil
        case .text(let s): return cell == s
        case .boolean(let b): return b ? (cell == "true" || cell == "t") : (cell == "false" || cell == "f")
        case .number(let v):
            guard let cell, let x = Double(cell) else { return false }
            return x == v || abs(x - v) <= 1e-9 * max(abs(x), abs(v))
        }
    }
}

/// A query of the template tests and the rows it must return, in order.
struct TemplateCase {
    let name: String
    let query: SQLQuery
    let expected: [[Expected]]

    /// One row of scalar expressions (no FROM).
    static func scalars(_ name: String, _ items: [(SQLExpression, Expected)]) -> TemplateCase {
        let select = SQLSelect(items.enumerated().map { .named($0.element.0, "c\($0.offset)") })
        return TemplateCase(name: name, query: SQLQuery(select), expected: [items.map(\.1)])
    }
}

/// Every function template of the library, with values worked out independently of any engine.
enum TemplateCases {
    static let moments: [Int64] = [
        ReferenceCalendar.seconds(2022, 9, 14, 13, 45, 10),   // a Wednesday
        ReferenceCalendar.seconds(2023, 1, 1),                // a Sunday, at midnight
        ReferenceCalendar.seconds(2024, 2, 29, 23, 59, 59),   // leap day, last second
        ReferenceCalendar.seconds(2022, 12, 31, 12),          // a Saturday
        ReferenceCalendar.seconds(2021, 1, 4, 0, 0, 1),       // a Monday
        ReferenceCalendar.seconds(1969, 12, 28, 10),          // before the epoch, a Sunday
    ]

    static let periods: [SQLPeriod] = [.day, .month, .quarter, .year] + (0...6).map { SQLPeriod.week(startingOn: $0) }

    static var all: [TemplateCase] { periodCases + scalarCases + aggregateCases + orderCases }

    static var periodCases: [TemplateCase] {
        var cases: [TemplateCase] = []
        for (i, t) in moments.enumerated() {
            let ts = SQLExpression.timestamp(t)
            cases.append(.scalars("period labels of \(CivilTime.formatTimestamp(t))", periods.map { p in
                (.library(.periodLabel(p), [ts]), .text(ReferenceCalendar.label(p, t)))
            }))
            cases.append(.scalars("period starts of \(CivilTime.formatTimestamp(t))", periods.map { p in
                (.library(.epochSeconds, [.library(.periodStart(p), [ts])]), .number(Double(ReferenceCalendar.start(p, t))))
            }))
            let other = moments[(i + 1) % moments.count]
            cases.append(.scalars("periods from \(CivilTime.formatTimestamp(t)) to \(CivilTime.formatTimestamp(other))", periods.flatMap { p in
                [(.library(.periodDifference(p), [ts, .timestamp(other)]),
                  .number(Double(ReferenceCalendar.index(p, other) - ReferenceCalendar.index(p, t)))),
                 (.library(.periodDifference(p), [.timestamp(other), ts]),
                  .number(Double(ReferenceCalendar.index(p, t) - ReferenceCalendar.index(p, other))))]
            }))
        }
        return cases
    }

    static var scalarCases: [TemplateCase] {
        let t = moments[0]
        let intervals: [Int64] = [1, 59, 1800, 36 * 3600, 86_400, 90 * 86_400]
        return [
            .scalars("epoch seconds", moments.map { (.library(.epochSeconds, [.timestamp($0)]), .number(Double($0))) }),
            .scalars("timestamps from epoch seconds", moments.map { m in
                (.library(.epochSeconds, [.library(.timestampFromEpoch, [.integer(m)])]), .number(Double(m)))
            } + [(.library(.periodLabel(.day), [.library(.timestampFromEpoch, [.integer(t)])]), .text("2022-09-14"))]),
            .scalars("intervals", intervals.flatMap { s -> [(SQLExpression, Expected)] in
                let later = SQLExpression.binary(.timestamp(t), .plus, .library(.interval(seconds: s), []))
                let earlier = SQLExpression.binary(.timestamp(t), .minus, .library(.interval(seconds: s), []))
                return [(.library(.epochSeconds, [later]), .number(Double(t + s))), (.library(.epochSeconds, [earlier]), .number(Double(t - s)))]
            }),
            .scalars("division", [
                (.safeDivide(.integer(7), .integer(2)), .number(3.5)),
                (.safeDivide(.integer(1), .integer(0)), .null),
                (.safeDivide(.number(2.5), .number(0)), .null),
                (.safeDivide(.null, .integer(2)), .null),
                (.binary(.safeDivide(.integer(1), .integer(3)), .times, .integer(100)), .number(100.0 / 3)),
            ]),
            .scalars("number labels", [
                (.library(.numberLabel, [.number(3)]), .text("3")),
                (.library(.numberLabel, [.number(2.5)]), .text("2.5")),
                (.library(.numberLabel, [.number(-40)]), .text("-40")),
                (.library(.numberLabel, [.integer(17)]), .text("17")),
            ]),
            .scalars("literals and names", [
                (.text("it's a \\ back'slash"), .text("it's a \\ back'slash")),
                (.number(0.1), .number(0.1)),
                (.binary(.number(2.5), .times, .integer(2)), .number(5)),
                (.inList(.integer(1), [], negated: false), .boolean(false)),
                (.isNotTrue(.binary(.null, .equal, .integer(1))), .boolean(true)),
                (.isDistinctFrom(.null, .text("churn"), negated: false), .boolean(true)),
                (.call("least", [.integer(3), .null, .integer(2)]), .number(2)),
            ]),
        ]
    }

    /// Rows `(x, ts, row_no, label)` for the aggregate cases: ties in ts broken by row_no (file order).
    static let rows: SQLTableReference = .values([
        [.integer(10), .integer(5), .integer(1), .text("late")],
        [.integer(1), .integer(2), .integer(2), .null],
        [.integer(4), .integer(2), .integer(3), .text("tied second")],
        [.integer(2), .integer(2), .integer(0), .text("tied first")],
    ], alias: "t", columns: ["x", "Order Date", "row_no", "label"])

    static var aggregateCases: [TemplateCase] {
        let x = SQLExpression.column("x"), ts = SQLExpression.column("Order Date"), label = SQLExpression.column("label")
        let select = SQLSelect([
            .named(.aggregate(.median, x), "median"),
            .named(.aggregate(.median, x, where: .binary(x, .less, .integer(10))), "median_small"),
            .named(.aggregate(.median, x, where: .boolean(false)), "median_none"),
            .named(.aggregate(SQLAggregate(.firstByTime, [label, ts, .column("row_no")])), "first"),
            .named(.aggregate(SQLAggregate(.firstByTime, [label, ts, .column("row_no")], filter: .isNull(label, negated: false))), "first_null"),
            .named(.aggregate(SQLAggregate(.firstByTime, [label, .column("row_no")], filter: .isNull(label, negated: true))), "first_by_order"),
            .named(.countAll(where: .binary(x, .greater, .integer(1))), "count_big"),
            .named(.aggregate(.sum, x, where: .binary(ts, .equal, .integer(2))), "sum_tied"),
            .named(.safeDivide(.countAll(where: .binary(x, .greater, .integer(3))), .countAll()), "share"),
        ], from: rows)
        return [TemplateCase(name: "aggregates", query: SQLQuery(select), expected: [[
            .number(3), .number(2), .null, .text("tied first"), .null, .text("tied first"), .number(3), .number(7), .number(0.5),
        ]]), sumInOrderCase]
    }

    /// `sumInOrder` adds one value at a time in its keys' order, as Swift's loops: by i, 1 + 1e16 rounds
    /// the 1 away and the sum ends at 0; by −i it ends at 1; in the rows' order (or exactly) it would be 2.
    static var sumInOrderCase: TemplateCase {
        let double = { (v: Double) in SQLExpression.cast(.number(v), .double) }
        let table = SQLTableReference.values([[.integer(3), double(1)], [.integer(1), double(1)], [.integer(4), double(-1e16)], [.integer(2), double(1e16)]],
                                             alias: "s", columns: ["i", "x"])
        let x = SQLExpression.column("x"), i = SQLExpression.column("i")
        let select = SQLSelect([.named(.aggregate(SQLAggregate(.sumInOrder, [x, i])), "ascending"),
                                .named(.aggregate(SQLAggregate(.sumInOrder, [x, .unary(.negate, i)])), "descending")], from: table)
        return TemplateCase(name: "sum in order", query: SQLQuery(select), expected: [[.number(0), .number(1)]])
    }

    /// Text sorts byte-wise with NULLs last, both directions; a window's order follows the same rules.
    static var orderCases: [TemplateCase] {
        let words: [String?] = ["b", "B", "a", nil, "_x", "é", "Z"]
        let table = SQLTableReference.values(words.map { [$0.map(SQLExpression.text) ?? .null] }, alias: "w", columns: ["word"])
        let word = SQLExpression.column("word")
        let ascending = ["B", "Z", "_x", "a", "b", "é", nil]
        let rank = SQLExpression.window(.call("row_number", []), SQLWindow(orderBy: [SQLOrderTerm(word, descending: true, isText: true)]))
        var query = SQLQuery(SQLSelect([.column("word"), .named(rank, "rank_desc")], from: table))
        query.orderBy = [SQLOrderTerm(word, isText: true)]
        let expected: [[Expected]] = ascending.map { w in
            let descendingRank = w.map { v in Double(ascending.compactMap { $0 }.reversed().firstIndex(of: v)! + 1) } ?? 7
            return [w.map(Expected.text) ?? .null, .number(descendingRank)]
        }
        return [TemplateCase(name: "byte-wise text order, nulls last", query: query, expected: expected)]
    }
}
