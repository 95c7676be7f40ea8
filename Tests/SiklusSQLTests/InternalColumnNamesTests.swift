import Foundation
import XCTest
@testable import SiklusSQL

/// `SQLInternalColumnNames` must know every alias the lowering writes, or an events column of that name
/// would clash with it again: the lowering's sources are read for `.named(…, "alias")` and numbered
/// aliases (`"t\(s)"`), and each must count as taken.
final class InternalColumnNamesTests: XCTestCase {
    private func loweringSources() throws -> String {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SiklusSQL/Lowering")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        XCTAssertGreaterThan(files.count, 20)
        return try files.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
    }

    func testEveryAliasTheLoweringWritesIsTaken() throws {
        let text = try loweringSources()
        let fixed = try NSRegularExpression(pattern: #"\.named\([^"\n]*"([A-Za-z_][A-Za-z_0-9]*)"\)"#)
        let range = NSRange(text.startIndex..., in: text)
        var aliases = Set<String>()
        for match in fixed.matches(in: text, range: range) {
            if let r = Range(match.range(at: 1), in: text) { aliases.insert(String(text[r])) }
        }
        XCTAssertGreaterThan(aliases.count, 60)
        for alias in aliases { XCTAssertTrue(SQLInternalColumnNames.isTaken(alias), alias) }
        // Numbered aliases ("t\(s)", "reached_\(k)"): their prefix followed by a number.
        let numbered = try NSRegularExpression(pattern: #""([A-Za-z_]+)\\\([^)]*\)""#)
        var prefixes = Set<String>()
        for match in numbered.matches(in: text, range: range) {
            if let r = Range(match.range(at: 1), in: text) { prefixes.insert(String(text[r])) }
        }
        XCTAssertGreaterThan(prefixes.count, 8)
        for prefix in prefixes { XCTAssertTrue(SQLInternalColumnNames.isTaken(prefix + "12"), prefix) }
    }

    func testOtherNamesAreKeptAndRenamesAreUnique() {
        XCTAssertEqual(SQLInternalColumnNames.eventColumns(["device", "Stage", "events_stage", "t1", "tier"]),
                       ["device", "events_events_Stage", "events_stage", "events_t1", "tier"])
    }
}
