import XCTest
@testable import SiklusStore

/// Hints for columns that do not parse suggest what fits the values, never a fixed guess.
final class ValueFormatHintTests: XCTestCase {
    private func timeHint(_ values: [String], file: StaticString = #filePath, line: UInt = #line) -> String? {
        let text = "customer_id,ts,event\n" + values.enumerated().map { "u\($0.offset),\($0.element),visit\n" }.joined()
        return loadError({ _ = try loadFresh(.events, text) }, file: file, line: line)?.hint
    }

    func testYearFirstSlashedDatesSuggestYearFirst() {
        // Used to suggest %d/%m/%Y, which cannot read them.
        XCTAssertEqual(timeHint(["2022/09/14", "2022/10/01"]), "tell the loader how they are written, e.g. format ts=\"%Y/%m/%d\"")
        XCTAssertEqual(timeHint(["2022/09/14 10:21"]), "tell the loader how they are written, e.g. format ts=\"%Y/%m/%d %H:%M\"")
    }

    func testOnlyFormatsThatParseEveryValueAreSuggested() {
        XCTAssertEqual(timeHint(["14/09/2022", "01/12/2022"]), "tell the loader how they are written, e.g. format ts=\"%d/%m/%Y\"")
        XCTAssertEqual(timeHint(["09/14/2022", "12/01/2022"]), "tell the loader how they are written, e.g. format ts=\"%m/%d/%Y\"")
        XCTAssertEqual(timeHint(["01/02/2022", "03/04/2022"]),
                       "tell the loader how they are written, e.g. format ts=\"%d/%m/%Y\" (\"%m/%d/%Y\" also fit these values: check which is the day)")
        XCTAssertEqual(timeHint(["2022-09-14T9:05"]), "tell the loader how they are written, e.g. format ts=\"%Y-%m-%dT%H:%M\"")
        // Nothing fits: say so instead of proposing a pattern that fails.
        XCTAssertEqual(timeHint(["Sept 14 2022", "Oct 1 2022"]),
                       "no common format fits \"Sept 14 2022\": describe it with format ts=\"…\" using %Y %y %m %d %H %M %S and the characters between them")
    }

    func testSpacesAroundValuesAreNamedNotMistakenForADayFirstDate() {
        let iso = timeHint([" 2022-09-14", " 2022-09-15"])
        XCTAssertEqual(iso, "values like \" 2022-09-14\" have spaces around them: remove them from the file (e.g. sed -E 's/ *, */,/g' in.csv > out.csv); the dates are ISO")
        let slashed = timeHint([" 14/09/2022"])
        XCTAssertEqual(slashed?.hasSuffix(", then add format ts=\"%d/%m/%Y\""), true, slashed ?? "")
    }

    func testUnixTimesSuggestTheirUnit() {
        XCTAssertEqual(timeHint(["1663150000", "1663160000"]), "they look like Unix seconds: add format ts=epoch")
        XCTAssertEqual(timeHint(["1663150000123", "1663160000456"]), "they look like Unix milliseconds: add format ts=epoch_ms")
    }

    func testDecimalCommasAreNamedWithAConversion() {
        let semicolons = loadError { _ = try loadFresh(.events, "customer_id;ts;amount\nu1;2022-09-14;12,50\nu2;2022-09-14;1.234,5\n") }
        XCTAssertEqual(semicolons?.hint, "values like \"12,50\" use a decimal comma; Siklus reads a decimal point: convert them first"
                       + " (e.g. sed -E 's/([0-9]),([0-9])/\\1.\\2/g' in.csv > out.csv, after removing any thousands dots)")
        let quoted = loadError { _ = try loadFresh(.events, "customer_id,ts,amount\nu1,2022-09-14,\"12,50\"\nu2,2022-09-14,\"3,5\"\n") }
        XCTAssertEqual(quoted?.hint?.contains(#"sed -E 's/"(-?[0-9.]*[0-9]),([0-9]+)"/\1.\2/g'"#), true, quoted?.hint ?? "")
        // Other non-numbers keep the mapping hint.
        let dollars = loadError { _ = try loadFresh(.events, "customer_id,ts,amount\nu1,2022-09-14,$12\nu2,2022-09-14,$3\n") }
        XCTAssertEqual(dollars?.hint, "map amount to a numeric column, e.g. map amount=OtherColumn")
    }

    func testDecimalCommaShapes() {
        for yes in ["12,50", "-0,5", "1.234,50", "12.345.678,9", "0,0"] { XCTAssertTrue(ValueFormatHints.isDecimalComma(Array(yes.utf8)), yes) }
        for no in ["12,", ",5", "1,2,3", "12.50", "1.23,4.5", "12a,5", "1234.567,8", "", "-", "1,5e3"] {
            XCTAssertFalse(ValueFormatHints.isDecimalComma(Array(no.utf8)), no)
        }
    }
}
