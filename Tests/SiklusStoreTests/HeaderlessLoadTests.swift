import XCTest
@testable import SiklusStore

/// `header=false` and `columns=(…)`: files whose first line is data, like CDNOW's transaction log.
final class HeaderlessLoadTests: XCTestCase {
    /// CDNOW_master.txt's shape: no header, fields aligned by runs of spaces (leading ones too), ids with
    /// leading zeros, `YYYYMMDD` dates, then the number of CDs and the dollar amount.
    private let cdnow = """
           00001  19970101  1  11.77
           00002  19970112  1  12.00
           00002  19970112  5  77.00
           00003  19970102  2  20.76
           00003  19970330  2  20.76
           00017  19970628  1  15.36

        """

    private func options(header: Bool = false, names: [String]? = nil, mapping: [ColumnRole: String] = [:], path: LoadPath) -> LoadOptions {
        var options = path.options(LoadOptions(mapping: mapping))
        options.header = header
        options.columnNames = names
        return options
    }

    func testGivenNamesAreTheHeaderAndTheFirstLineIsData() {
        forEachPath { path in
            let (store, report) = try loadFresh(.events, cdnow, name: "CDNOW.txt",
                                                options: options(names: ["customer_id", "date", "cds", "amount"], path: path))
            XCTAssertEqual(report.rowsLoaded, 6, path.rawValue)
            XCTAssertEqual(report.columns.map(\.name), ["customer_id", "date", "cds", "amount"])
            XCTAssertEqual(report.columns.map(\.role), [.customer, .ts, nil, .amount])
            XCTAssertEqual(store.eventCustomerIDs.first, "00001", "the first line is a row, its id text with its zeros")
            XCTAssertEqual(Set(store.eventCustomerIDs), ["00001", "00002", "00003", "00017"])
            XCTAssertEqual(store.events.ts.first, utc(1997, 1, 1))
            XCTAssertEqual(store.events.ts.last, utc(1997, 6, 28))
            XCTAssertEqual(store.events.amount.reduce(0, +), 157.65, accuracy: 1e-9)
        }
    }

    func testWithoutNamesColumnsAreNumberedAndNeedMap() throws {
        let error = loadError { _ = try loadFresh(.events, self.cdnow, options: self.options(path: .single)) }
        XCTAssertTrue(error?.message.contains("column1 … column4") == true, "\(String(describing: error))")
        XCTAssertTrue(error?.hint?.contains("columns=(") == true, "\(String(describing: error))")

        let (store, report) = try loadFresh(.events, cdnow, options: options(mapping: [.customer: "column1", .ts: "column2", .amount: "column4"], path: .single))
        XCTAssertEqual(report.columns.map(\.name), ["column1", "column2", "column3", "column4"])
        XCTAssertEqual(report.rowsLoaded, 6)
        XCTAssertEqual(store.eventCustomerIDs.first, "00001")
    }

    func testAFirstLineOfValuesSuggestsHeaderFalse() {
        // Loaded without options, CDNOW's first record is taken as the header: the error says it is data.
        let error = loadError { _ = try loadFresh(.events, self.cdnow, options: LoadOptions()) }
        XCTAssertTrue(error?.hint?.contains("header=false columns=(") == true, "\(String(describing: error))")
        XCTAssertTrue(error?.hint?.contains("looks like data") == true, "\(String(describing: error))")
        // A real header that simply lacks a customer column keeps the usual hint.
        let other = loadError { _ = try loadFresh(.events, "who,when\nu1,2022-01-01\n", options: LoadOptions()) }
        XCTAssertFalse(other?.hint?.contains("header=false") == true, "\(String(describing: other))")
    }

    func testNameCountMismatchNamesBothCounts() {
        let error = loadError { _ = try loadFresh(.events, self.cdnow, options: self.options(names: ["customer_id", "date", "amount"], path: .single)) }
        XCTAssertEqual(error?.line, 1)
        XCTAssertTrue(error?.message.contains("names 3 columns, but line 1 has 4 fields") == true, "\(String(describing: error))")
    }

    func testNamesReplaceAnExistingHeader() throws {
        // With a header line and `columns=`, the names replace the header's (as DuckDB's `names=`); its line is not data.
        let text = "Kunde;Zeit;Betrag\nk1;2022-03-01;5\nk2;2022-03-02;7\n"
        let (store, report) = try loadFresh(.events, text, options: options(header: true, names: ["customer", "ts", "amount"], path: .single))
        XCTAssertEqual(report.rowsLoaded, 2)
        XCTAssertEqual(store.eventCustomerIDs, ["k1", "k2"])

        // header=false on a comma file: its first line is a row.
        let (plain, plainReport) = try loadFresh(.events, "u1,2022-01-01,visit\nu2,2022-01-02,buy\n",
                                                 options: options(names: ["user", "ts", "event"], path: .single))
        XCTAssertEqual(plainReport.rowsLoaded, 2)
        XCTAssertEqual(plain.eventNames, ["visit", "buy"])
    }
}
