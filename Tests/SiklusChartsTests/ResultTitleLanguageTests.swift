import Foundation
import SiklusEngine
import SiklusLanguage
import XCTest
@testable import SiklusCharts

/// The titles rfm, clv and retention give their results on the demo data, worded in Indonesian where a
/// chart or a box table shows them (the same text as when they were read back from English by pattern).
final class ResultTitleLanguageTests: XCTestCase {
    private static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets/demo")

    func testTitlesOfRFMCLVAndRetention() throws {
        let session = Session()
        for table in ["customers", "events"] {
            _ = try? session.query("load \(table) \"\(Self.demo.path)/\(table).csv\"")
        }
        _ = try? session.query("set as_of = 2023-06-30")
        let expected = [
            "events | rfm period week": "rfm per minggu (pembelian per hari sampai as_of)",
            "cohort | rfm period week | by segment | metric customers": "rfm per minggu menurut segmen",
            "events | clv params period week": "parameter clv per minggu (kemungkinan maksimum sampai as_of)",
            "events | clv period week horizon 26w discount 0.10": "clv selama 26 minggu, didiskon 10 % per tahun (BG/NBD × Gamma-Gamma, ditaksir sampai as_of)",
            "events | clv period month": "clv selama 12,1667 bulan (BG/NBD × Gamma-Gamma, ditaksir sampai as_of)",
            "events | clv check period week": "uji clv per minggu: pembelian ulang kumulatif setelah as_of, nyata dan BG/NBD",
            "cohort | retention period week rolling unbounded horizon 2": "retensi per minggu (bergulir), aktif = purchase (tanpa batas)",
        ]
        for (query, indonesian) in expected {
            let title = try XCTUnwrap(session.query(query).title, query)
            XCTAssertEqual(title.text(in: .id), indonesian, query)
            XCTAssertEqual(Language.$current.withValue(.id) { title.text(in: .current) }, indonesian, query)
        }
    }
}
