import XCTest
@testable import SiklusLanguage

final class LiteralTests: XCTestCase {
    func testDateLiteralForms() {
        XCTAssertEqual(DateLiteral("2022-09"), .month(year: 2022, month: 9))
        XCTAssertEqual(DateLiteral("2022-09-14"), .day(year: 2022, month: 9, day: 14))
        XCTAssertEqual(DateLiteral("2022-Q3"), .quarter(year: 2022, quarter: 3))
        XCTAssertEqual(DateLiteral("2022-q1"), .quarter(year: 2022, quarter: 1))
        XCTAssertEqual(DateLiteral("2022-09-14T23:59"), .timestamp(year: 2022, month: 9, day: 14, hour: 23, minute: 59, second: 0))
        XCTAssertEqual(DateLiteral("2022-09-14T00:00:59"), .timestamp(year: 2022, month: 9, day: 14, hour: 0, minute: 0, second: 59))
    }

    func testDateValidation() {
        for invalid in ["2022-00", "2022-13", "2022-Q0", "2022-Q5", "2022-04-31", "2023-02-29", "1900-02-29", "2022-01-00",
                        "2022-09-14T24:00", "2022-09-14T10:60", "2022-09-14T10:30:60", "22-09", "2022", "2022-09-14-01"] {
            XCTAssertNil(DateLiteral(invalid), invalid)
        }
        for valid in ["2024-02-29", "2000-02-29", "2022-12-31", "0001-01-01"] {
            XCTAssertNotNil(DateLiteral(valid), valid)
        }
    }

    func testDateProperties() throws {
        let quarter = try XCTUnwrap(DateLiteral("2022-Q3"))
        XCTAssertEqual([quarter.year, quarter.month], [2022, 7])
        XCTAssertNil(quarter.day)
        XCTAssertEqual(quarter.precision, .quarter)
        let day = try XCTUnwrap(DateLiteral("2022-09-14"))
        XCTAssertEqual(day.day, 14)
        XCTAssertEqual(day.precision, .day)
        XCTAssertEqual(DateLiteral("2022-09-14T10:30")?.precision, .timestamp)
        XCTAssertEqual(DateLiteral("2022-09")?.precision, .month)
    }

    func testDateDescriptionRoundTrips() {
        for text in ["2022-Q3", "2022-09", "2022-09-14", "2022-09-14T10:30:15", "0042-01-02"] {
            XCTAssertEqual(DateLiteral(text)?.description, text)
        }
        XCTAssertEqual(DateLiteral("2022-09-14T10:30")?.description, "2022-09-14T10:30:00")
    }

    func testDurations() {
        XCTAssertEqual(DurationUnit(suffix: "D"), .day)
        XCTAssertEqual(DurationUnit(suffix: "mo"), .month)
        XCTAssertEqual(DurationUnit(suffix: "hrs"), .hour)
        XCTAssertNil(DurationUnit(suffix: "x"))
        XCTAssertNil(DurationUnit(suffix: "mon"))
        XCTAssertEqual(DurationLiteral(value: 90, unit: .day).seconds, 7_776_000)
        XCTAssertEqual(DurationLiteral(value: 2, unit: .week).seconds, 1_209_600)
        XCTAssertEqual(DurationLiteral(value: 24, unit: .hour).seconds, 86_400)
        XCTAssertNil(DurationLiteral(value: 6, unit: .month).seconds)
        XCTAssertNil(DurationLiteral(value: Int64.max, unit: .day).seconds)
        XCTAssertEqual(DurationLiteral(value: 6, unit: .month).description, "6mo")
    }

    /// Issue 11: `m` is minutes (analysts write `within 30m`), months are `mo`; the old spellings stay,
    /// and seconds and quarters join them. Printed forms read back as the same unit.
    func testMIsMinutesAndMoIsMonths() throws {
        let cases: [(String, DurationUnit)] = [
            ("m", .minute), ("min", .minute), ("mins", .minute), ("minutes", .minute), ("M", .minute),
            ("mo", .month), ("month", .month), ("Months", .month),
            ("s", .second), ("sec", .second), ("seconds", .second),
            ("h", .hour), ("hr", .hour), ("d", .day), ("days", .day), ("w", .week), ("weeks", .week),
            ("q", .quarter), ("quarter", .quarter), ("y", .year), ("yr", .year),
        ]
        for (suffix, unit) in cases { XCTAssertEqual(DurationUnit(suffix: suffix), unit, suffix) }
        XCTAssertEqual(DurationLiteral(value: 30, unit: .minute).seconds, 1_800)
        XCTAssertEqual(DurationLiteral(value: 45, unit: .second).seconds, 45)
        XCTAssertNil(DurationLiteral(value: 2, unit: .quarter).seconds)
        for unit in DurationUnit.allCases {
            let written = DurationLiteral(value: 7, unit: unit).description
            let (statement, _) = try XCTUnwrap(parseOne("set churn_after = \(written)"), written)
            guard case .set(let set) = statement.kind else { return XCTFail(written) }
            XCTAssertEqual(set.value.literal, .duration(DurationLiteral(value: 7, unit: unit)), written)
        }
        let (statement, _) = try XCTUnwrap(parseOne("set churn_after = 30m"))
        guard case .set(let set) = statement.kind else { return XCTFail() }
        XCTAssertEqual(set.value.literal, .duration(DurationLiteral(value: 30, unit: .minute)))
    }

    /// An unknown unit is an error listing the units.
    func testUnknownDurationUnitListsTheUnits() {
        XCTAssertEqual(firstMessage("set churn_after = 30x"), "unknown duration unit `x` in `30x`")
        XCTAssertEqual(firstMessage("cohort | funnel a -> b within 2fortnights"), "unknown duration unit `fortnights` in `2fortnights`")
        XCTAssertEqual(firstMessage("set churn_after = 1.5d"), "invalid number `1.5d`")
    }

    func testDurationLongFormsParse() throws {
        let (statement, _) = try XCTUnwrap(parseOne("set churn_after = 3Months"))
        guard case .set(let set) = statement.kind else { return XCTFail() }
        XCTAssertEqual(set.value.literal, .duration(DurationLiteral(value: 3, unit: .month)))
        XCTAssertEqual(set.value.literal.description, "3mo")
    }

    func testLiteralDescriptionsAndTypeNames() {
        let literals: [Literal] = [.integer(-3), .number(2.5), .string("a \"b\"\n"), .date(.month(year: 2022, month: 9)),
                                   .duration(DurationLiteral(value: 30, unit: .day)), .name("social")]
        XCTAssertEqual(literals.map(\.description), ["-3", "2.5", #""a \"b\"\n""#, "2022-09", "30d", "social"])
        XCTAssertEqual(literals.map(\.typeName), ["integer", "number", "string", "date", "duration", "name"])
    }

    func testQuotedStringRoundTripsThroughTheLexer() {
        for value in ["plain", "with \"quotes\"", #"back\slash"#, "tab\tand\nnewline", "ünïcödé 😀", ""] {
            let quoted = Literal.string(value).description
            let tokens = lexed(quoted)
            XCTAssertEqual(tokens.map(\.kind), [.string], quoted)
            XCTAssertEqual(StringLiteralDecoder.decode(quoted), value)
        }
    }

    func testNumberEdgeCases() throws {
        let (statement, _) = try XCTUnwrap(parseOne("set x = -9223372036854775808"))
        guard case .set(let set) = statement.kind else { return XCTFail() }
        XCTAssertEqual(set.value.literal, .integer(Int64.min))
        XCTAssertEqual(firstMessage("set x = 9223372036854775808"), "number `9223372036854775808` is too large")
        XCTAssertEqual(firstMessage("set x = - 3"), "expected a number right after `-`, found number `3`")
        XCTAssertEqual(firstMessage("set x = 1e999"), "number `1e999` is too large")
        XCTAssertEqual(firstMessage("set x = 99999999999999999999d"), "duration `99999999999999999999d` is too large")
    }

    func testIdentifierAndQualifiedName() {
        let a = Identifier("Customers", at: SourceSpan(start: 0, end: 9))
        let b = Identifier("Order Date", at: SourceSpan(start: 10, end: 22), isQuoted: true)
        XCTAssertEqual(a.lowercased, "customers")
        XCTAssertEqual(a.description, "Customers")
        XCTAssertEqual(b.description, "\"Order Date\"")
        let name = QualifiedName([a, Identifier("Channel", at: SourceSpan(start: 10, end: 17))])
        XCTAssertEqual(name.text, "Customers.Channel")
        XCTAssertEqual(name.lowercased, "customers.channel")
        XCTAssertEqual(name.span, SourceSpan(start: 0, end: 17))
    }
}
