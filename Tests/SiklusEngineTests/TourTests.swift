import Foundation
import XCTest
@testable import SiklusEngine

/// `datasets/demo/tour.sik`, the guided tour, runs end to end through the built `siklus` executable
/// from the repository root, and talks about every stage of the lifecycle.
final class TourTests: XCTestCase {
    static let tour = "datasets/demo/tour.sik"

    /// The built executable: next to the test bundle, else `.build/debug/siklus`.
    static func siklus() throws -> URL {
        let candidates = [
            Bundle(for: TourTests.self).bundleURL.deletingLastPathComponent().appendingPathComponent("siklus"),
            URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent().appendingPathComponent("siklus"),
            TeachingFixture.root.appendingPathComponent(".build/debug/siklus"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("the siklus executable is not built (looked in \(candidates.map(\.path)))")
        }
        return found
    }

    func testTheTourRunsFromTheRepositoryRoot() throws {
        let result = try TeachingFixture.run(try Self.siklus(), [Self.tour])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("error"), result.stderr)
        for stage in Stage.allCases {
            XCTAssertTrue(result.stdout.contains(stage.name), "the tour's output mentions \(stage.name)")
        }
        // The seed metrics each produce a result: cpa, impressions and ctr, first vs repeat order value,
        // orders over time, engagement, stage share and transitions, churn rate.
        for column in ["cpa", "impressions", "ctr", "avg_order", "orders", "engagement", "churn_rate", "share", "from"] {
            XCTAssertTrue(result.stdout.contains(column), "the tour shows \(column)")
        }
        XCTAssertTrue(result.stdout.contains("worked example: customer "), "the tour ends with an explain")
    }

    /// In the shell, `.read` runs the tour too (started without the demo, so nothing loads twice).
    func testTheTourRunsWithReadInTheShell() throws {
        let result = try TeachingFixture.run(try Self.siklus(), ["--no-demo", "-c", ".read \(Self.tour)"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("churn          pelengseran"), result.stdout)
    }

    func testTheTourIsAnExecutableScriptThatLoadsTheDemo() throws {
        let path = TeachingFixture.root.appendingPathComponent(Self.tour).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("#!/usr/bin/env siklus\n"))
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: path), "chmod +x \(Self.tour)")
        for file in ["customers", "events", "spend"] {
            XCTAssertTrue(text.contains("load \(file) \"datasets/demo/\(file).csv\""), "the tour loads \(file) itself")
        }
        XCTAssertTrue(text.contains("| plot"))
        XCTAssertTrue(text.contains("siklus datasets/demo/tour.sik"), "the header says how to run it")
    }
}
