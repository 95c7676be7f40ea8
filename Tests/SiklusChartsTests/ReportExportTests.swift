import Foundation
import SiklusEngine
import XCTest
@testable import SiklusCharts

/// `ReportExporter.export` writes charts and reports by extension (data formats are the shell's).
final class ReportExportTests: XCTestCase {
    func testExportChoosesFormatByExtension() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let table = Fixtures.funnel()
        for ext in ["html", "svg", "HTML"] {
            let path = directory.appendingPathComponent("out.\(ext)").path
            try ReportExporter.export(table, query: "funnel", to: path)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            switch ext.lowercased() {
            case "html": XCTAssertTrue(text.hasPrefix("<!DOCTYPE html>"))
            default: XCTAssertTrue(text.hasPrefix("<?xml"))
            }
        }
    }

    func testUnsupportedExtensionNamesTheSupportedOnes() {
        XCTAssertThrowsError(try ReportExporter.export(Fixtures.funnel(), query: "q", to: "/tmp/out.xlsx")) { error in
            XCTAssertEqual(error as? ChartError, .unsupportedFormat(path: "/tmp/out.xlsx", ext: "xlsx"))
            XCTAssertEqual("\(error)", "cannot export to '/tmp/out.xlsx': it has extension '.xlsx'; use .html or .svg")
        }
        XCTAssertThrowsError(try ReportExporter.export(Fixtures.funnel(), query: "q", to: "report")) { error in
            XCTAssertEqual("\(error)", "cannot export to 'report': it has no extension; use .html or .svg")
        }
    }

    func testWriteFailureIsReported() {
        XCTAssertThrowsError(try ReportExporter.export(Fixtures.funnel(), query: "q", to: "/nonexistent-dir/x/out.html")) { error in
            guard case .writeFailed(let path, _)? = error as? ChartError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "/nonexistent-dir/x/out.html")
        }
    }
}
