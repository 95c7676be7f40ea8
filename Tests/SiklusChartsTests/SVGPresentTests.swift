import Foundation
import SiklusEngine
import XCTest
@testable import SiklusCharts

/// Issue 15 §5: `.present on` reaches SVG and HTML exports: larger text, thicker lines and colours that
/// read on light and dark projector screens. Goldens of the exported SVG in both modes.
final class SVGPresentTests: XCTestCase {
    private static let charts: [(String, ResultTable)] = [
        ("funnel", Fixtures.funnel()),
        ("series-by-channel", Fixtures.channelSeries()),
        ("stage-share", Fixtures.stageShare()),
    ]

    func testGoldenSVGInBothModes() throws {
        for (name, table) in Self.charts {
            Golden.assertMatches(try ReportExporter.svg(table, title: nil), name: "svg-\(name)-screen.svg")
            Golden.assertMatches(try ReportExporter.svg(table, title: nil, present: true), name: "svg-\(name)-present.svg")
        }
    }

    func testPresentTextIsLargerAndLinesThicker() throws {
        for (name, table) in Self.charts {
            let screen = try XMLInspector(try ReportExporter.svg(table, title: nil))
            let present = try XMLInspector(try ReportExporter.svg(table, title: nil, present: true))
            XCTAssertEqual(XMLInspector.attribute(present.root, "class"), "present", name)
            XCTAssertNil(XMLInspector.attribute(screen.root, "class"), name)
            // Larger text can change a layout's tick count, so sizes are compared by kind, not one by one.
            let sizes = { (xml: XMLInspector) in xml.elements.filter { $0.name == "text" }.compactMap { XMLInspector.attribute($0, "font-size").flatMap(Double.init) } }
            XCTAssertEqual(try XCTUnwrap(sizes(present).max()), try XCTUnwrap(sizes(screen).max()) * 1.35, accuracy: 0.01, "\(name): the title")
            XCTAssertEqual(try XCTUnwrap(sizes(present).min()), try XCTUnwrap(sizes(screen).min()) * 1.35, accuracy: 0.01, "\(name): the smallest text")
            XCTAssertGreaterThanOrEqual(try XCTUnwrap(sizes(present).min()), 14, "\(name): projector text is at least 14 px")
            let strokes = { (xml: XMLInspector) in xml.elements.filter { $0.name == "polyline" || $0.name == "line" }.compactMap { XMLInspector.attribute($0, "stroke-width").flatMap(Double.init) } }
            XCTAssertEqual(Set(strokes(present)), Set(strokes(screen).map { $0 * 2 }), name)
        }
    }

    /// Every mark (bar, line, segment, dot) contrasts at least 3:1 with white and with black, so it
    /// reads on a light or a dark projector screen; text is black, dark grey, or white on a mark.
    func testPresentColoursReadOnLightAndDarkScreens() throws {
        for (name, table) in Self.charts {
            let xml = try XMLInspector(try ReportExporter.svg(table, title: nil, present: true))
            for element in xml.elements {
                switch element.name {
                case "text":
                    XCTAssertTrue(["#000000", "#444444", "#ffffff"].contains(XMLInspector.attribute(element, "fill") ?? ""), "\(name): \(element)")
                case "rect", "polyline", "line", "circle", "polygon":
                    let cssClass = XMLInspector.attribute(element, "class") ?? ""
                    // The white ground, grid lines and the ghost of a funnel's previous step sit behind the marks.
                    guard !["ghost", "grid"].contains(where: cssClass.contains), XMLInspector.attribute(element, "fill") != "#ffffff" else { continue }
                    for color in [XMLInspector.attribute(element, "fill"), XMLInspector.attribute(element, "stroke")].compactMap({ $0 }) where color != "none" {
                        XCTAssertGreaterThanOrEqual(Self.contrast(color, "#ffffff"), 3, "\(name): \(color) on white in \(element)")
                        XCTAssertGreaterThanOrEqual(Self.contrast(color, "#000000"), 3, "\(name): \(color) on black in \(element)")
                    }
                default:
                    continue
                }
            }
        }
    }

    func testHTMLReportInPresentMode() throws {
        let screen = try ReportExporter.html(Fixtures.funnel(), query: "cohort | funnel a -> b")
        let present = try ReportExporter.html(Fixtures.funnel(), query: "cohort | funnel a -> b", present: true)
        XCTAssertFalse(screen.contains("class=\"present\""))
        XCTAssertTrue(present.contains(" class=\"present\" role=\"img\""), present)
        XCTAssertTrue(present.contains("body { font-size: 20px; color: #000; background: #fff; }"), present)
        XCTAssertFalse(screen.contains("font-size: 20px"))
    }

    /// WCAG contrast ratio of two `#rrggbb` colours.
    static func contrast(_ a: String, _ b: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let digits = Array(hex.dropFirst())
            let channels = stride(from: 0, to: 6, by: 2).map { Double(Int(String(digits[$0...$0 + 1]), radix: 16) ?? 0) / 255 }
                .map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        }
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }
}
