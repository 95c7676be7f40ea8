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

    /// The diagnostic the first failing statement of `text` raises, or nil when every statement succeeds.
    func failure(_ text: String) -> Diagnostic? {
        var found: Diagnostic?
        run(SourceFile(name: "<test>", text: text)) { outcome in
            if case .failure(let d) = outcome { found = d; return false }
            return true
        }
        return found
    }

    /// Runs statements that must succeed (set, stage edits, let), failing the test otherwise.
    func mustRun(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        if let d = failure(text) { XCTFail("`\(text)` failed: \(d.message)", file: file, line: line) }
    }
}

extension ResultTable {
    /// The values of column `name` as optional doubles (integers converted), for arithmetic checks.
    func numbers(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> [Double?] {
        guard let column = column(name) else {
            XCTFail("no column \(name) in \(columns.map(\.name))", file: file, line: line)
            return []
        }
        switch column.values {
        case .integer(let v): return v.map { $0.map(Double.init) }
        case .number(let v): return v
        case .text(let v): return v.map { $0.flatMap(Double.init) }
        }
    }

    /// The values of text column `name`.
    func texts(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> [String?] {
        guard let column = column(name), case .text(let v) = column.values else {
            XCTFail("no text column \(name) in \(columns.map(\.name))", file: file, line: line)
            return []
        }
        return v
    }

    /// The single value of a one-row column.
    func scalar(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> Double? {
        let values = numbers(name, file: file, line: line)
        XCTAssertEqual(values.count, 1, "expected one row", file: file, line: line)
        return values.first ?? nil
    }
}
