import XCTest
@testable import SiklusShell

/// `siklus FILE`: which files are scripts and which are data, by name and by their first bytes.
final class CommandLineFileTests: XCTestCase {
    private func sniff(_ text: String) -> CommandLineFile.Kind { CommandLineFile.sniff(Array(text.utf8)) }

    func testNamesDecideWhenTheyCan() {
        // These paths do not exist: the name alone decides, nothing is read.
        for path in ["a.csv", "dir/b.TSV", "c.txt", "d.csv.gz", "e.gz"] {
            XCTAssertEqual(CommandLineFile.kind(of: "/no/such/" + path), .data, path)
        }
        XCTAssertEqual(CommandLineFile.kind(of: "/no/such/report.sik"), .script)
        XCTAssertEqual(CommandLineFile.kind(of: "/no/such/report"), .script, "an unreadable file is run, which reports why")
        XCTAssertEqual(CommandLineFile.kind(of: "/dev/stdin"), .script, "pipes are never sniffed: that would eat their input")
    }

    func testSniffedContents() {
        XCTAssertEqual(sniff("customer_id,ts,event\nu1,2022-01-01,visit\n"), .data)
        XCTAssertEqual(sniff("\u{FEFF}InvoiceNo;StockCode;Quantity\n"), .data, "a byte order mark is skipped")
        XCTAssertEqual(sniff("\n\nid\tdate\n"), .data, "leading blank lines are skipped")
        XCTAssertEqual(sniff("events,count\n1,2\n"), .data, "a keyword followed by a delimiter is a header")
        XCTAssertEqual(CommandLineFile.sniff([0x1F, 0x8B, 8, 0]), .data, "gzip")
        XCTAssertEqual(CommandLineFile.sniff([0x50, 0x4B, 3, 4, 0, 0]), .data, "binary bytes: the loader says what it reads")
        XCTAssertEqual(sniff("cohort | metric customers\n"), .script)
        XCTAssertEqual(sniff("load events \"a,b.csv\"\n"), .script)
        XCTAssertEqual(sniff("#!/usr/bin/env siklus\nevents | metric events\n"), .script)
        XCTAssertEqual(sniff("# totals, per month\n"), .script)
        XCTAssertEqual(sniff("-- totals, per month\n"), .script)
        XCTAssertEqual(sniff(".mode csv\n"), .script)
        XCTAssertEqual(sniff("EVENTS|metric events\n"), .script, "a keyword followed by `|` is a pipeline")
        XCTAssertEqual(sniff("sept | metric customers\n"), .data, "a variable can only follow a `let`, so this is pipe-delimited")
        XCTAssertEqual(sniff("just words\n"), .script, "no delimiter: run it, which reports what is wrong")
        XCTAssertEqual(sniff(""), .script)
    }
}
