import SiklusEngine
import XCTest
@testable import SiklusCharts

final class ValueFormatterTests: XCTestCase {
    func testPlainKeepsFullPrecision() {
        XCTAssertEqual(ValueFormatter.plain(42), "42")
        XCTAssertEqual(ValueFormatter.plain(-3), "-3")
        XCTAssertEqual(ValueFormatter.plain(0.1), "0.1")
        XCTAssertEqual(ValueFormatter.plain(41.333333333333336), "41.333333333333336")
        XCTAssertEqual(ValueFormatter.plain(1e20), "1e+20")
        XCTAssertNil(ValueFormatter.plain(.nan))
        XCTAssertNil(ValueFormatter.plain(.infinity))
    }

    func testGroupingAndFixed() {
        XCTAssertEqual(ValueFormatter.grouped(0), "0")
        XCTAssertEqual(ValueFormatter.grouped(999), "999")
        XCTAssertEqual(ValueFormatter.grouped(1_000), "1,000")
        XCTAssertEqual(ValueFormatter.grouped(-1_234_567), "-1,234,567")
        XCTAssertEqual(ValueFormatter.fixed(1234.5, decimals: 2), "1,234.50")
        XCTAssertEqual(ValueFormatter.fixed(-0.004, decimals: 2), "0.00", "a rounded-away negative is not -0.00")
        XCTAssertEqual(ValueFormatter.fixed(-1234.5, decimals: 0, grouping: true), "-1,235", "ties round away from zero, as in box tables")
        XCTAssertEqual(ValueFormatter.fixed(31.25, decimals: 1), "31.3")
    }

    func testDisplayByUnit() {
        XCTAssertEqual(ValueFormatter.display(12_345, unit: .count), "12,345")
        XCTAssertEqual(ValueFormatter.display(2.5, unit: .count), "2.5")
        XCTAssertEqual(ValueFormatter.display(1234.5, unit: .money), "1,234.50")
        XCTAssertEqual(ValueFormatter.display(42.26, unit: .percent), "42.3%")
        XCTAssertEqual(ValueFormatter.display(1.25, unit: .ratio), "1.25")
        XCTAssertEqual(ValueFormatter.display(3.5, unit: .days), "3.5 d")
        XCTAssertEqual(ValueFormatter.display(0.5, unit: .days), "12.0 h")
        XCTAssertEqual(ValueFormatter.display(1_661_990_400, unit: .date), "2022-09-01")
    }

    func testCompactFitsCells() {
        XCTAssertEqual(ValueFormatter.compact(950, unit: .count), "950")
        XCTAssertEqual(ValueFormatter.compact(1_234, unit: .count), "1.2k")
        XCTAssertEqual(ValueFormatter.compact(12_345, unit: .count), "12k")
        XCTAssertEqual(ValueFormatter.compact(999_960, unit: .count), "1M")
        XCTAssertEqual(ValueFormatter.compact(9_960, unit: .count), "10k")
        XCTAssertEqual(ValueFormatter.compact(-1_500_000, unit: .money), "-1.5M")
        XCTAssertEqual(ValueFormatter.compact(45.37, unit: .money), "45.37")
        XCTAssertEqual(ValueFormatter.compact(42.4, unit: .percent), "42%")
        XCTAssertEqual(ValueFormatter.compact(0.4, unit: .percent), "<1%")
        XCTAssertEqual(ValueFormatter.compact(0, unit: .percent), "0%")
        XCTAssertEqual(ValueFormatter.compact(100, unit: .percent), "100%")
        XCTAssertEqual(ValueFormatter.compact(5.5, unit: .days), "5.5d")
        XCTAssertEqual(ValueFormatter.compact(2, unit: .days), "2.0d")
        XCTAssertEqual(ValueFormatter.compact(23.4, unit: .days), "23d")
        XCTAssertEqual(ValueFormatter.compact(0.25, unit: .days), "6.0h")
        XCTAssertEqual(ValueFormatter.compact(20.0 / 1440, unit: .days), "20min")
        XCTAssertEqual(ValueFormatter.compact(0.126, unit: .ratio), "0.13")
    }

    func testCellDisplayUsesColumnType() {
        let dates = ResultColumn(name: "month", unit: .date, values: .integer([1_661_990_400, nil]))
        XCTAssertEqual(ValueFormatter.display(dates, row: 0), "2022-09", "a month column reads as months")
        XCTAssertNil(ValueFormatter.display(dates, row: 1))
        let days = ResultColumn(name: "first_seen", unit: .date, values: .integer([1_661_990_400]))
        XCTAssertEqual(ValueFormatter.display(days, row: 0), "2022-09-01")
        let counts = ResultColumn(name: "customers", unit: .count, values: .integer([1_204]))
        XCTAssertEqual(ValueFormatter.display(counts, row: 0), "1,204")
    }

    func testDatesAndPeriods() {
        XCTAssertEqual(ValueFormatter.isoDate(seconds: 0), "1970-01-01")
        XCTAssertEqual(ValueFormatter.isoDate(seconds: -1), "1969-12-31T23:59:59Z")
        XCTAssertEqual(ValueFormatter.isoDate(seconds: 951_782_400), "2000-02-29")
        let september = Int64(1_661_990_400)
        XCTAssertEqual(TimeDimension.month.label(seconds: september), "2022-09")
        XCTAssertEqual(TimeDimension.quarter.label(seconds: september), "2022-Q3")
        XCTAssertEqual(TimeDimension.year.label(seconds: september), "2022")
        XCTAssertEqual(TimeDimension.week.label(seconds: september), "2022-09-01")
        XCTAssertEqual(TimeDimension(columnName: "Month"), .month)
        XCTAssertNil(TimeDimension(columnName: "cohort"))
    }

    func testCivilDateAgreesWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        for seconds in stride(from: Int64(-5_000_000_000), through: 5_000_000_000, by: 86_400 * 997 + 3_601) {
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            let date = CivilDate(unixSeconds: seconds)
            XCTAssertEqual([Int(date.year), date.month, date.day], [parts.year, parts.month, parts.day].map { $0 ?? 0 }, "\(seconds)")
        }
    }
}
