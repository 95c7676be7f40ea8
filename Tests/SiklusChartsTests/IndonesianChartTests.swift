import Foundation
import SiklusEngine
import SiklusLanguage
import XCTest
@testable import SiklusCharts

/// Issue 15 §3: charts under `set language = id`: titles, column headers, axis titles, legends and
/// stage names in Indonesian, numbers with Indonesian marks; English charts stay as they were.
final class IndonesianChartTests: XCTestCase {
    private static func indonesian<T>(_ body: () throws -> T) rethrows -> T { try Language.$current.withValue(.id, operation: body) }

    func testGoldenTerminalChartsInIndonesian() throws {
        let options = ChartOptions(width: 80, height: 24)
        let text = try Self.indonesian {
            try [Fixtures.funnel(), Fixtures.stageShare(), Fixtures.channelRevenue(), Fixtures.retention(percent: true)]
                .map { try TerminalChart.render($0, options: options) }.joined(separator: "\n\n")
        }
        Golden.assertMatches(text, name: "indonesian-terminal-charts.txt")
        for english in ["of prev", "customers", "Customers by stage", "share of cohort", " by "] {
            XCTAssertFalse(text.contains(english), "`\(english)` is still English:\n\(text)")
        }
    }

    func testSVGAndHTMLInIndonesian() throws {
        let svg = try Self.indonesian { try ReportExporter.svg(Fixtures.channelRevenue(), title: nil) }
        let xml = try XMLInspector(svg)
        XCTAssertTrue(xml.texts.contains { $0.hasSuffix(" menurut channel") || $0.hasSuffix(" menurut kanal") }, "\(xml.texts)")
        XCTAssertTrue(xml.texts.contains("pendapatan (uang)"), "\(xml.texts)")
        let funnel = try XMLInspector(try Self.indonesian { try ReportExporter.svg(Fixtures.funnel(), title: nil) })
        XCTAssertTrue(funnel.texts.contains { $0.contains("dari sebelumnya") && $0.contains(",0%") }, "\(funnel.texts)")
        let html = try Self.indonesian { try ReportExporter.html(Fixtures.funnel(), query: "cohort | funnel a -> b") }
        for part in ["<html lang=\"id\">", "<h2>Kueri</h2>", "<h2>Grafik</h2>", "<h2>Hasil</h2>", "Dibuat oleh Siklus."] {
            XCTAssertTrue(html.contains(part), part)
        }
        let english = try ReportExporter.html(Fixtures.funnel(), query: "cohort | funnel a -> b")
        XCTAssertTrue(english.contains("<h2>Query</h2>") && english.contains("<html lang=\"en\">"))
    }

    /// Indonesian marks in chart numbers; csv's plain numbers never change.
    func testNumbersInIndonesian() {
        Self.indonesian {
            XCTAssertEqual(ValueFormatter.display(1234.5, unit: .money), "1.234,50")
            XCTAssertEqual(ValueFormatter.display(42.25, unit: .percent), "42,3%")
            XCTAssertEqual(ValueFormatter.compact(3.5, unit: .days), "3,5d")
            XCTAssertEqual(ValueFormatter.plain(1234.5), "1234.5")
        }
        XCTAssertEqual(ValueFormatter.display(1234.5, unit: .money), "1,234.50")
    }

    /// The engine's result titles are worded in the language a chart is drawn in.
    func testEngineTitlesInIndonesian() {
        let titles: [ResultTitle] = [.funnel(window: 30 * 86_400, order: .ordered), .stageShare(date: "2023-12-31"),
                                     .retention(period: .quarter, activity: .purchase, unbounded: false, kind: .init()),
                                     .lifecycle(period: .month, activity: .anyEvent), .transitions(period: .month), .stickiness(period: .week),
                                     .rfmGroups(period: .month, groups: [])]
        XCTAssertEqual(Self.indonesian { titles.map { $0.text(in: .current) } }, [
            "corong dalam 30d, ordered", "tahap sekarang per 2023-12-31", "retensi per kuartal, aktif = purchase",
            "siklus aktivitas per bulan, aktif = peristiwa apa pun", "tahap pada akhir tiap bulan → berikutnya", "kelekatan per minggu", "rfm per bulan",
        ])
        XCTAssertEqual(titles.map { $0.text(in: .current) }, [
            "funnel within 30d, ordered", "current stage as of 2023-12-31", "retention by quarter, active = purchase",
            "lifecycle by month, active = any event", "stage at the end of each month → the next", "stickiness by week", "rfm per month",
        ])
        var table = Fixtures.stageShare()
        table.title = .stageShare(date: "2023-12-31")
        XCTAssertTrue(try Self.indonesian { try TerminalChart.render(table, options: ChartOptions(width: 80, height: 24)) }.hasPrefix("tahap sekarang per 2023-12-31"))
    }
}
