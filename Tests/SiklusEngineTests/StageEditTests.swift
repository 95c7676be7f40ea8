import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage

/// Stage edits that would leave the purchase stage empty are refused, whichever stage they name.
final class StageEditTests: XCTestCase {
    /// `stage advocacy += purchase` emptied the purchase stage: every money metric became 0 and explain
    /// printed `event IN ()`.
    func testMovingTheOnlyPurchaseEventIsRefused() throws {
        let session = try Session.demo()
        let before = session.stageMap
        let revenue = try session.query("cohort | metric revenue")
        let text = "stage advocacy += purchase"
        let diagnostic = try XCTUnwrap(session.failure(text))
        XCTAssertEqual(diagnostic.message, "`purchase` is the only purchase event: moving it to advocacy would leave the purchase stage empty")
        let span = try XCTUnwrap(diagnostic.span)
        XCTAssertEqual(span.start, text.utf8.count - "purchase".utf8.count)
        XCTAssertEqual(session.stageMap, before)
        XCTAssertEqual(try session.query("cohort | metric revenue"), revenue)
        XCTAssertNotNil(session.failure("stage purchase -= purchase"))
        XCTAssertNotNil(session.failure("stage retention += login, purchase"))
        XCTAssertEqual(session.stageMap, before)
    }

    func testMovingOneOfSeveralPurchaseEventsIsAllowed() throws {
        let session = try Session.demo()
        session.mustRun("stage purchase += order")
        session.mustRun("stage advocacy += purchase")
        XCTAssertEqual(session.stageMap.purchaseEvents, ["order"])
        let explain = try TeachingFixture.text("explain sql cohort | metric revenue", in: session)
        XCTAssertFalse(explain.contains("IN ()"), explain)
    }
}
