import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage

/// Sums that overflow a Double are errors at the metric step, never `inf` (or JSON `null`) in a result.
final class MetricOverflowTests: XCTestCase {
    func testOverflowingRevenueIsALocatedError() throws {
        let dir = try TestPaths.temporaryDirectory("overflow")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("e.csv")
        try """
        customer_id,ts,event,amount,channel
        a,2023-01-01 10:00:00,purchase,1e308,social
        a,2023-01-02 10:00:00,purchase,1e308,social
        b,2023-01-02 10:00:00,purchase,5,email
        """.write(to: path, atomically: true, encoding: .utf8)
        let session = Session()
        _ = try session.load(.events, path: path.path)
        for (text, metric) in [("events | metric orders, revenue", "revenue"), ("events | by channel | metric avg_order", "avg_order"),
                               ("cohort | metric ltv", "ltv")] {
            let diagnostic = try XCTUnwrap(session.failure(text), text)
            XCTAssertTrue(diagnostic.message.hasPrefix("\(metric) is too large to compute"), diagnostic.message)
            let span = try XCTUnwrap(diagnostic.span, text)
            XCTAssertTrue(String(text.utf8.dropFirst(span.start).prefix(span.end - span.start))!.hasPrefix("metric"), text)
        }
        XCTAssertTrue(session.failure("events | by channel | metric revenue")?.message.contains("for social") ?? false)
        // Groups that stay finite still compute.
        XCTAssertEqual(try session.query("events | where channel = email | metric revenue").scalar("revenue"), 5)
    }
}
