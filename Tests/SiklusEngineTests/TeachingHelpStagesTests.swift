import Foundation
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
            let block = Self.block(of: stage, in: text)
            for event in session.stageMap.events[stage] ?? [] {
                XCTAssertTrue(block.contains(event), "\(stage.name) should list \(event): \(block)")
            }
        }
        XCTAssertTrue(text.contains("kesadaran") && text.contains("pelengseran"), "the Indonesian names are shown")
        XCTAssertTrue(Self.block(of: .churn, in: text).contains("no event for 90 days after buying"), "churn by inactivity is explained")
    }

    /// The diagram fits an 80-column terminal (a projector's): long event lists wrap beside the rail.
    func testTheDiagramFitsEightyColumns() throws {
        let session = try XCTUnwrap(TeachingFixture.shared)
        for text in [try TeachingFixture.text("help stages", in: session), try TeachingFixture.text("help stages", in: Session())] {
            for line in text.split(separator: "\n") {
                XCTAssertLessThanOrEqual(line.count, 80, String(line))
            }
        }
        // Wrapped event lines stay right of the rail, under the first event.
        let lines = try TeachingFixture.text("help stages", in: session).split(separator: "\n").map(String.init)
        let awareness = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("  awareness ") })
        let column = try XCTUnwrap(lines[awareness].range(of: "┐  ")).upperBound
        let offset = lines[awareness].distance(from: lines[awareness].startIndex, to: column)
        let next = lines[awareness + 1]
        XCTAssertEqual(Array(next)[offset - 3], "│", next)
        XCTAssertNotEqual(Array(next)[offset], " ", "the events continue: \(next)")
    }

    /// The text of `stage`'s lines, the events beside the rail joined by spaces.
    static func block(of stage: Stage, in text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("  \(stage.name) ") }) else { return "" }
        var block = [lines[start]]
        for line in lines[(start + 1)...] {
            if line.isEmpty || Stage.allCases.contains(where: { line.hasPrefix("  \($0.name) ") }) { break }
            block.append(line.trimmingCharacters(in: CharacterSet(charactersIn: " │▼")))
        }
        return block.joined(separator: " ")
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
        let advocacy = Self.block(of: .advocacy, in: text)
        XCTAssertTrue(advocacy.contains(" \(counts[Stage.advocacy.rawValue] ?? -1) "), advocacy)
        XCTAssertTrue(advocacy.contains("login"), advocacy)
        XCTAssertTrue(text.replacingOccurrences(of: "\n", with: " ").contains("as of 2022-12-31"), text)
    }

    func testWithoutDataTheDiagramAsksForIt() throws {
        let text = try TeachingFixture.text("help stages", in: Session())
        XCTAssertTrue(text.replacingOccurrences(of: "\n", with: " ").contains("load data to see how many customers are in each stage now"), text)
        XCTAssertTrue(text.contains("  retention "), text)
    }
}
