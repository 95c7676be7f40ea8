import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage
import SiklusStore

/// `load … append` and `load … replace` as statements, through the session.
final class LoadModeSessionTests: XCTestCase {
    private func report(_ session: Session, _ text: String, file: StaticString = #filePath, line: UInt = #line) -> LoadReport? {
        var found: LoadReport?
        session.run(SourceFile(name: "<test>", text: text)) { outcome in
            switch outcome {
            case .output(.load(let report), _): found = report
            case .failure(let d): XCTFail("`\(text)` failed: \(d.message)", file: file, line: line)
            default: break
            }
            return true
        }
        return found
    }

    func testCopyIsSkippedAppendForcesReplaceReplaces() throws {
        let dir = try TestPaths.temporaryDirectory("load-mode")
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = "customer_id,ts,event\nu1,2022-09-14,visit\nu2,2022-09-15,purchase\n"
        for name in ["e.csv", "copy.csv"] { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        try "customer_id,ts,event\nu3,2022-10-01,visit\n".write(to: dir.appendingPathComponent("f.csv"), atomically: true, encoding: .utf8)
        let session = Session()
        XCTAssertEqual(report(session, "load events \"\(dir.path)/e.csv\"")?.rowsLoaded, 2)
        let copy = report(session, "load events \"\(dir.path)/copy.csv\"")
        XCTAssertEqual(copy?.alreadyLoaded, true)
        XCTAssertEqual(copy?.render().contains("byte-identical"), true)
        XCTAssertEqual(try session.query("events | metric events").numbers("events"), [2])
        XCTAssertEqual(report(session, "load events \"\(dir.path)/copy.csv\" append")?.rowsLoaded, 2)
        XCTAssertEqual(try session.query("events | metric events").numbers("events"), [4])
        XCTAssertEqual(report(session, "load events \"\(dir.path)/f.csv\" replace")?.rowsLoaded, 1)
        XCTAssertEqual(try session.query("events | metric events, customers").numbers("customers"), [1])
    }
}
