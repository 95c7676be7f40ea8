import Foundation
import SiklusEngine
import XCTest
@testable import SiklusCharts

/// `.present on`: thick lines, taller bars, colours that read on light and dark projector screens.
final class PresentModeTests: XCTestCase {
    static let fixtures = ["series-revenue", "series-by-channel", "table-bars-orders", "stage-share-by-channel", "small-multiples",
                           "retention-percent", "funnel"]

    func testPresentGoldenCharts() throws {
        for name in Self.fixtures {
            let table = try XCTUnwrap(Fixtures.all.first { $0.name == name }?.table)
            for color in [false, true] {
                let options = ChartOptions(width: 80, height: 24, color: color, present: true)
                let chart = try TerminalChart.render(table, options: options)
                Golden.assertMatches(chart, name: "present-\(name)-w80-\(color ? "color" : "plain").txt")
                let lines = Measure.lines(chart)
                XCTAssertLessThanOrEqual(lines.count, 24, name)
                XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 80 }, name)
            }
        }
    }

    func testLinesAreThickBlocksNotBraille() throws {
        for present in [false, true] {
            let chart = try TerminalChart.render(Fixtures.revenueSeries(), options: ChartOptions(width: 80, height: 24, present: present))
            let braille = chart.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }
            let blocks = chart.contains("▀") || chart.contains("▄")
            XCTAssertEqual(braille, !present, "braille only outside presentation mode")
            XCTAssertEqual(blocks, present, "half blocks only in presentation mode")
        }
    }

    func testBarsAreTwoLinesThickWhenTheyFit() throws {
        let normal = Measure.lines(try TerminalChart.render(Fixtures.channelOrders(), options: ChartOptions(width: 80, height: 24)))
        let present = Measure.lines(try TerminalChart.render(Fixtures.channelOrders(), options: ChartOptions(width: 80, height: 24, present: true)))
        XCTAssertEqual(normal.count, 2 + 6)
        XCTAssertEqual(present.count, 2 + 12)
        let cramped = Measure.lines(try TerminalChart.render(Fixtures.channelOrders(), options: ChartOptions(width: 80, height: 10, present: true)))
        XCTAssertEqual(cramped.count, 8, "one line a bar when two would not fit")
    }

    /// Every colour a presented chart uses, foreground or background, has 3:1 contrast (WCAG, graphics)
    /// against black and against white; text on a coloured cell is black or white.
    func testEveryColourReadsOnLightAndDarkScreens() throws {
        let regex = try NSRegularExpression(pattern: "(38|48);5;([0-9]+)")
        for fixture in Fixtures.all {
            let chart = try TerminalChart.render(fixture.table, options: ChartOptions(width: 80, height: 24, color: true, present: true))
            for match in regex.matches(in: chart, range: NSRange(chart.startIndex..., in: chart)) {
                let kind = (chart as NSString).substring(with: match.range(at: 1))
                let color = try XCTUnwrap(UInt8((chart as NSString).substring(with: match.range(at: 2))))
                if kind == "38", color == 16 || color == 231 { continue }
                XCTAssertGreaterThanOrEqual(ProjectorColors.contrastOnBlackAndWhite(color), 3, "\(fixture.name): colour \(color)")
            }
        }
        // The ordinary palettes have colours that fail (yellow on white, dark purple on black): the swap matters.
        XCTAssertLessThan(ProjectorColors.contrastOnBlackAndWhite(220), 3)
        XCTAssertLessThan(ProjectorColors.contrastOnBlackAndWhite(54), 3)
    }

    func testSwappedPalettesStayDistinct() {
        for palette in [TerminalPalette.series, TerminalPalette.stages, TerminalPalette.heat, LifecycleBarsRenderer.colors] {
            let adapted = palette.map(ProjectorColors.adapt)
            XCTAssertEqual(Set(adapted).count, palette.count, "\(palette) → \(adapted)")
            XCTAssertTrue(adapted.allSatisfy { ProjectorColors.contrastOnBlackAndWhite($0) >= 3 }, "\(adapted)")
        }
    }

    func testWithoutColourPresentationHasNoEscapes() throws {
        for fixture in Fixtures.all {
            let chart = try TerminalChart.render(fixture.table, options: ChartOptions(width: 80, height: 24, color: false, present: true))
            XCTAssertFalse(chart.contains("\u{1B}"), fixture.name)
        }
    }

    func testNoChartIsWiderThanEightyColumnsInPresentation() throws {
        for fixture in Fixtures.all {
            let chart = try TerminalChart.render(fixture.table, options: ChartOptions(width: 80, height: 30, present: true))
            for line in Measure.lines(chart) {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), 80, "\(fixture.name): \(line)")
            }
        }
    }
}
