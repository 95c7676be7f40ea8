import XCTest
@testable import SiklusEngine
import SiklusStore

/// `help stages` draws the lifecycle: every stage with its events, and (with data) the customers in
/// each stage now, which must be exactly the counts of `cohort | metric stage_share`.
final class TeachingHelpStagesTests: XCTestCase {
    func testEveryStageShowsItsEventsAndTheStageShareCount() throws {
        let session = try XCTUnwrap(TeachingFixture.shared)
        let text = try TeachingFixture.text("help stages", in: session)
        let share = try session.query("cohort | metric stage_share")
        guard case .text(let stages)? = share.column("stage")?.values, case .integer(let counts)? = share.column("customers")?.values else {
            return XCTFail("stage_share has stage and customers columns")
        }
        let lines = text.split(separator: "\n").map(String.init)
        for stage in Stage.allCases {
            let line = try XCTUnwrap(lines.first { $0.hasPrefix("  \(stage.name) ") }, "no line for \(stage.name)\n\(text)")
            let count = try XCTUnwrap(counts[try XCTUnwrap(stages.firstIndex(of: stage.name))])
            XCTAssertTrue(line.contains(" \(count) ") || line.hasSuffix(" \(count)"), "\(stage.name) should show \(count) customers: \(line)")
            for event in session.stageMap.events[stage] ?? [] {
                XCTAssertTrue(line.contains(event), "\(stage.name) should list \(event): \(line)")
            }
        }
        XCTAssertTrue(text.contains("kesadaran") && text.contains("pelengseran"), "the Indonesian names are shown")
        XCTAssertTrue(text.contains("no event for 90 days after buying"), "churn by inactivity is explained")
    }

    /// The journey reads top to bottom in lifecycle order, churn last.
    func testTheJourneyIsDrawnInOrder() throws {
        let text = try TeachingFixture.text("help stages", in: try XCTUnwrap(TeachingFixture.shared))
        let positions = Stage.allCases.compactMap { text.range(of: "\n  \($0.name) ")?.lowerBound }
        XCTAssertEqual(positions.count, Stage.allCases.count)
        XCTAssertEqual(positions, positions.sorted())
    }

    /// Counts follow the session: a stage edit and `set as_of` change them, and stay equal to stage_share.
    func testCountsFollowSettingsAndStageEdits() throws {
        let session = try TeachingFixture.demoSession()
        _ = try TeachingFixture.text("set as_of = 2022-12-31; stage advocacy += login", in: session)
        let text = try TeachingFixture.text("help stages", in: session)
        let share = try session.query("cohort | metric stage_share")
        guard case .integer(let counts)? = share.column("customers")?.values else { return XCTFail("no counts") }
        let advocacy = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("  advocacy ") })
        XCTAssertTrue(advocacy.contains(" \(counts[Stage.advocacy.rawValue] ?? -1) "), String(advocacy))
        XCTAssertTrue(advocacy.contains("login"), String(advocacy))
        XCTAssertTrue(text.contains("as of 2022-12-31"), text)
    }

    func testWithoutDataTheDiagramAsksForIt() throws {
        let text = try TeachingFixture.text("help stages", in: Session())
        XCTAssertTrue(text.contains("load data to see how many customers are in each stage now"), text)
        XCTAssertTrue(text.contains("  retention "), text)
    }
}
