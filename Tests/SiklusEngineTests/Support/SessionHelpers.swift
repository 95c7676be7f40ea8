import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage

extension Session {
    /// A session with the demo customers, events and (unless `spend` is false) spend loaded.
    static func demo(spend: Bool = true) throws -> Session {
        let session = Session()
        _ = try session.load(.customers, path: TestPaths.demoFile("customers.csv"))
        _ = try session.load(.events, path: TestPaths.demoFile("events.csv"))
        if spend { _ = try session.load(.spend, path: TestPaths.demoFile("spend.csv")) }
        return session
    }

    /// Runs statements that must succeed (set, stage edits, let), failing the test otherwise.
    func mustRun(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        if let d = failure(text) { XCTFail("`\(text)` failed: \(d.message)", file: file, line: line) }
    }
}

extension ResultTable {
    /// The single value of a one-row column.
    func scalar(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> Double? {
        let values = numbers(name, file: file, line: line)
        XCTAssertEqual(values.count, 1, "expected one row", file: file, line: line)
        return values.first ?? nil
    }
}
