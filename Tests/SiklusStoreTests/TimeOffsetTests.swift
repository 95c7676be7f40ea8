import XCTest
@testable import SiklusStore

/// UTC offsets in ISO times: only real ones (-12:00…+14:00, minutes below 60) are accepted.
final class TimeOffsetTests: XCTestCase {
    private func parse(_ text: String) -> Int64? {
        Array(text.utf8).withUnsafeBytes { FieldParsers.isoTimestamp($0)?.seconds }
    }

    func testOffsetsOutsideTheRealRangeAreInvalid() {
        for offset in ["+99:99", "+14:01", "-12:01", "+10:60", "+1500", "-1300", "+99", "-00:75", "+0099"] {
            XCTAssertNil(parse("2022-09-14T10:00:00" + offset), offset)
            XCTAssertNil(parse("2022-09-14 10:00" + offset), offset)
        }
    }

    func testOffsetsAtTheEdgesStillConvert() {
        let local = utc(2022, 9, 14, 10)
        let cases: [(String, Int64)] = [("+14:00", -14 * 3600), ("-12:00", 12 * 3600), ("+05:45", -(5 * 3600 + 45 * 60)),
                                        ("-0930", 9 * 3600 + 30 * 60), ("+00:00", 0), ("-00:59", 59 * 60), ("+07", -7 * 3600)]
        for (offset, shift) in cases {
            XCTAssertEqual(parse("2022-09-14T10:00:00" + offset), local + shift, offset)
        }
    }

    func testARowWithAnImpossibleOffsetIsABadValue() throws {
        let text = "customer_id,ts,event\n" + (0..<150).map { "f\($0),2022-09-14T10:00:00+07:00,visit\n" }.joined()
            + "u1,2022-09-14T10:00:00+99:99,visit\n"  // line 152
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.rowsSkipped, 1, "[\(path)]")
            XCTAssertEqual(report.skipped.first?.firstLines, [152], "[\(path)]")
            XCTAssertEqual(store.events.count, 150, "[\(path)]")
            XCTAssertNil(store.customerIDs.code(of: "u1").flatMap { store.events.rows(of: $0).first }, "[\(path)]")
        }
    }
}
