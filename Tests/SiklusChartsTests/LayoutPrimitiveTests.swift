import XCTest
@testable import SiklusCharts

/// Display width, ANSI handling, tick scales, shade scales, bars and the braille canvas.
final class LayoutPrimitiveTests: XCTestCase {
    func testDisplayWidth() {
        XCTAssertEqual(DisplayWidth.of("cohort"), 6)
        XCTAssertEqual(DisplayWidth.of("日本語"), 6)
        XCTAssertEqual(DisplayWidth.of("고객"), 4)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1, "a combining accent takes no column")
        XCTAssertEqual(DisplayWidth.of("👍"), 2)
        XCTAssertEqual(DisplayWidth.of("🇮🇩"), 2)
        XCTAssertEqual(DisplayWidth.of("░▒▓█▏▎▍▌▋▊▉"), 11)
        XCTAssertEqual(DisplayWidth.of("⠁⡀⣿"), 3)
        XCTAssertEqual(DisplayWidth.of("│┤└┬─"), 5)
    }

    func testTruncateAndPadCountColumns() {
        XCTAssertEqual(DisplayWidth.truncate("consideration", to: 8), "conside…")
        XCTAssertEqual(DisplayWidth.truncate("日本語です", to: 6), "日本…")
        XCTAssertEqual(DisplayWidth.truncate("short", to: 8), "short")
        XCTAssertEqual(DisplayWidth.pad("日本", to: 6), "日本  ")
        XCTAssertEqual(DisplayWidth.pad("42%", to: 5, alignRight: true), "  42%")
    }

    func testStyledLineRendering() {
        var line = StyledLine("a ")
        line.append("██", Style(foreground: 39))
        line.append("   ")
        XCTAssertEqual(line.width, 7)
        XCTAssertEqual(line.rendered(color: false), "a ██")
        XCTAssertEqual(line.rendered(color: true), "a \u{1B}[38;5;39m██\u{1B}[0m")
        XCTAssertEqual(stripANSI(line.rendered(color: true)), "a ██")
        XCTAssertEqual(line.clipped(to: 3).rendered(color: false), "a █")
    }

    func testNiceScale() {
        let revenue = NiceScale(dataMin: 18_250, dataMax: 52_480, maxTicks: 8)
        XCTAssertEqual(revenue.ticks, [0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000])
        let narrow = NiceScale(dataMin: 42.5, dataMax: 51, maxTicks: 6)
        XCTAssertEqual(narrow.lower, 42, "values in the top sixth of their range do not start at zero")
        XCTAssertEqual(narrow.upper, 52)
        XCTAssertEqual(NiceScale(dataMin: 0.1, dataMax: 0.3, maxTicks: 3).ticks, [0, 0.2, 0.4])
        XCTAssertEqual(NiceScale(dataMin: 5, dataMax: 5, maxTicks: 5).ticks, [0, 2.5, 5, 7.5, 10], "a flat line sits mid-axis")
        XCTAssertEqual(NiceScale(dataMin: 0, dataMax: 0, maxTicks: 3).ticks, [0, 0.5, 1])
        XCTAssertEqual(NiceScale(dataMin: -30, dataMax: 45, maxTicks: 6).ticks, [-40, -20, 0, 20, 40, 60])
        XCTAssertEqual(NiceScale.niceStep(0.0023), 0.0025)
    }

    func testAxisLabelsCarryUnits() {
        let money = NiceScale(dataMin: 0, dataMax: 52_480, maxTicks: 8)
        XCTAssertEqual(money.ticks.map(AxisFormatter(scale: money, unit: .money).label), ["0", "10k", "20k", "30k", "40k", "50k", "60k"])
        let percent = NiceScale(dataMin: 0, dataMax: 37, maxTicks: 5)
        XCTAssertEqual(percent.ticks.map(AxisFormatter(scale: percent, unit: .percent).label), ["0%", "10%", "20%", "30%", "40%"])
        let days = NiceScale(dataMin: 0, dataMax: 2.2, maxTicks: 6)
        XCTAssertEqual(days.ticks.map(AxisFormatter(scale: days, unit: .days).label), ["0d", "0.5d", "1.0d", "1.5d", "2.0d", "2.5d"])
    }

    func testShadeScale() {
        let scale = ShadeScale(reference: 51.2, levels: 4)
        XCTAssertEqual(scale.step, 15)
        XCTAssertEqual([0, 0.5, 14.9, 15, 44, 45, 100].map(scale.level), [0, 1, 1, 2, 3, 4, 4])
        XCTAssertEqual((1...4).map(scale.legendLabel), ["<15%", "15–30%", "30–45%", "≥45%"])
        XCTAssertEqual(ShadeScale(reference: 100, levels: 5).step, 20)
        XCTAssertEqual(ShadeScale(reference: 0, levels: 4).step, 0.25, "an all-zero map still has a scale")
    }

    func testBlockBars() {
        XCTAssertEqual(BlockBar.bar(length: 0), "")
        XCTAssertEqual(BlockBar.bar(length: 0.01), "▏", "a tiny positive value stays visible")
        XCTAssertEqual(BlockBar.bar(length: 2.5), "██▌")
        XCTAssertEqual(BlockBar.bar(length: 3), "███")
        XCTAssertEqual(BlockBar.bar(length: 1.75), "█▊")
        XCTAssertEqual(BlockBar.cells(length: 4.99), 5)
    }

    func testBrailleCanvas() {
        var canvas = DotCanvas(columns: 2, rows: 1, dots: .braille)
        canvas.set(x: 0, y: 0, series: 0)
        XCTAssertEqual(canvas.character(column: 0, row: 0), "⠁")
        canvas.set(x: 1, y: 3, series: 1)
        XCTAssertEqual(canvas.character(column: 0, row: 0), "⢁")
        XCTAssertEqual(canvas.owner(column: 0, row: 0), 1)
        XCTAssertNil(canvas.character(column: 1, row: 0))
        canvas.set(x: 99, y: 99, series: 0)
        var line = DotCanvas(columns: 2, rows: 1, dots: .braille)
        line.line(from: (0, 3), to: (3, 0), series: 0)
        XCTAssertEqual([line.character(column: 0, row: 0), line.character(column: 1, row: 0)], ["⡠", "⠊"])
    }

    func testHalfBlockCanvas() {
        var canvas = DotCanvas(columns: 2, rows: 2, dots: .halfBlocks)
        XCTAssertEqual([canvas.dotWidth, canvas.dotHeight], [2, 4])
        canvas.set(x: 0, y: 0, series: 0)
        XCTAssertEqual(canvas.character(column: 0, row: 0), "▀")
        canvas.set(x: 0, y: 1, series: 2)
        XCTAssertEqual(canvas.character(column: 0, row: 0), "█")
        XCTAssertEqual(canvas.owner(column: 0, row: 0), 2)
        canvas.set(x: 1, y: 3, series: 1)
        XCTAssertEqual(canvas.character(column: 1, row: 1), "▄")
        XCTAssertNil(canvas.character(column: 1, row: 0))
        canvas.set(x: 2, y: 0, series: 0)
        XCTAssertNil(canvas.character(column: 0, row: 1), "a dot outside the canvas is ignored")
    }
}
