import Foundation
import SiklusEngine
import XCTest
@testable import SiklusCharts

final class DataExportTests: XCTestCase {
    let awkward = ResultTable(columns: [
        ResultColumn(name: "name", unit: .text, values: .text(["plain", "comma, inside", "quote \"q\"", "line\nbreak", nil])),
        ResultColumn(name: "customers", unit: .count, values: .integer([1, 2, nil, 4, 5])),
        ResultColumn(name: "rate", unit: .percent, values: .number([41.333333333333336, 0.1, 1e-7, nil, .nan])),
        ResultColumn(name: "month", unit: .date, values: .integer([1_661_990_400, 1_661_990_400 + 3_661, nil, 0, -86_400])),
    ])

    func testCSVFollowsRFC4180() {
        let csv = ReportExporter.csv(awkward)
        XCTAssertEqual(csv, [
            "name,customers,rate,month",
            "plain,1,41.333333333333336,2022-09-01",
            "\"comma, inside\",2,0.1,2022-09-01T01:01:01Z",
            "\"quote \"\"q\"\"\",,1e-07,",
            "\"line\nbreak\",4,,1970-01-01",
            ",5,,1969-12-31",
        ].joined(separator: "\r\n") + "\r\n")
    }

    func testCSVKeepsFullPrecision() throws {
        let csv = ReportExporter.csv(awkward)
        let field = try XCTUnwrap(csv.components(separatedBy: "\r\n")[1].split(separator: ",").dropFirst(2).first)
        XCTAssertEqual(Double(String(field)), 41.333333333333336)
    }

    func testJSONIsAnArrayOfObjects() throws {
        let json = ReportExporter.json(awkward)
        let parsed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        XCTAssertEqual(parsed.count, 5)
        XCTAssertEqual(parsed[0]["name"] as? String, "plain")
        XCTAssertEqual(parsed[0]["customers"] as? Int, 1)
        XCTAssertEqual(parsed[0]["rate"] as? Double, 41.333333333333336)
        XCTAssertEqual(parsed[0]["month"] as? String, "2022-09-01")
        XCTAssertEqual(parsed[3]["name"] as? String, "line\nbreak")
        XCTAssertTrue(parsed[2]["customers"] is NSNull)
        XCTAssertTrue(parsed[4]["rate"] is NSNull, "NaN is not JSON; it becomes null")
        XCTAssertTrue(parsed[4]["name"] is NSNull)
        // Keys stay in column order, which JSONSerialization would not promise.
        XCTAssertTrue(json.contains("{\"name\": \"plain\", \"customers\": 1, \"rate\": 41.333333333333336, \"month\": \"2022-09-01\"}"))
    }

    func testEmptyJSON() {
        let table = ResultTable(columns: [ResultColumn(name: "a", unit: .count, values: .integer([]))])
        XCTAssertEqual(ReportExporter.json(table), "[]\n")
        XCTAssertEqual(ReportExporter.csv(table), "a\r\n")
    }

    func testExportChoosesFormatByExtension() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let table = Fixtures.funnel()
        for ext in ["html", "svg", "csv", "json", "HTML"] {
            let path = directory.appendingPathComponent("out.\(ext)").path
            try ReportExporter.export(table, query: "funnel", to: path)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            switch ext.lowercased() {
            case "html": XCTAssertTrue(text.hasPrefix("<!DOCTYPE html>"))
            case "svg": XCTAssertTrue(text.hasPrefix("<?xml"))
            case "csv": XCTAssertTrue(text.hasPrefix("step,customers,"))
            default: XCTAssertTrue(text.hasPrefix("[\n  {\"step\""))
            }
        }
    }

    func testUnsupportedExtensionNamesTheSupportedOnes() {
        XCTAssertThrowsError(try ReportExporter.export(Fixtures.funnel(), query: "q", to: "/tmp/out.xlsx")) { error in
            XCTAssertEqual(error as? ChartError, .unsupportedFormat(path: "/tmp/out.xlsx", ext: "xlsx"))
            XCTAssertEqual("\(error)", "cannot export to '/tmp/out.xlsx': it has extension '.xlsx'; use .html, .svg, .csv or .json")
        }
        XCTAssertThrowsError(try ReportExporter.export(Fixtures.funnel(), query: "q", to: "report")) { error in
            XCTAssertEqual("\(error)", "cannot export to 'report': it has no extension; use .html, .svg, .csv or .json")
        }
    }

    func testWriteFailureIsReported() {
        XCTAssertThrowsError(try ReportExporter.export(Fixtures.funnel(), query: "q", to: "/nonexistent-dir/x/out.csv")) { error in
            guard case .writeFailed(let path, _)? = error as? ChartError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "/nonexistent-dir/x/out.csv")
        }
    }
}
