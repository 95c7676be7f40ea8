import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage

/// Paths in statements: relative to a script's folder, `~` in the home folder (no shell expands it inside
/// a statement's quotes), absolute ones as written.
final class RelativePathTests: XCTestCase {
    func testTildeIsTheHomeFolderWhereverTheScriptIs() {
        XCTAssertEqual(RelativePath.resolve("~/data/events.csv", in: nil, home: "/home/ana"), "/home/ana/data/events.csv")
        XCTAssertEqual(RelativePath.resolve("~/data/events.csv", in: "lessons", home: "/home/ana/"), "/home/ana/data/events.csv")
        XCTAssertEqual(RelativePath.resolve("~", in: "lessons", home: "/home/ana"), "/home/ana")
        // `~user` is another user's home: left as written, as is a `~` with no home known.
        XCTAssertEqual(RelativePath.resolve("~budi/events.csv", in: nil, home: "/home/ana"), "~budi/events.csv")
        XCTAssertEqual(RelativePath.resolve("~/events.csv", in: nil, home: nil), "~/events.csv")
    }

    func testRelativePathsStartAtTheScriptsFolder() {
        XCTAssertEqual(RelativePath.resolve("events.csv", in: "datasets/demo", home: "/home/ana"), "datasets/demo/events.csv")
        XCTAssertEqual(RelativePath.resolve("events.csv", in: nil, home: "/home/ana"), "events.csv")
        XCTAssertEqual(RelativePath.resolve("/tmp/events.csv", in: "datasets/demo", home: "/home/ana"), "/tmp/events.csv")
    }

    func testALoadOfATildePathReadsTheHomeFolder() throws {
        let home = try TestPaths.temporaryDirectory("tilde-home")
        defer { try? FileManager.default.removeItem(at: home) }
        try "customer_id,ts,event\nu1,2022-09-14,visit\nu2,2022-09-15,purchase\n".write(to: home.appendingPathComponent("events.csv"), atomically: true, encoding: .utf8)
        let saved = ProcessInfo.processInfo.environment["HOME"]
        setenv("HOME", home.path, 1)
        defer { if let saved { setenv("HOME", saved, 1) } else { unsetenv("HOME") } }
        let session = Session()
        var loaded: Int?
        session.run(SourceFile(name: "<test>", text: "load events '~/events.csv'")) { outcome in
            switch outcome {
            case .output(.load(let report), _): loaded = report.rowsLoaded
            case .failure(let d): XCTFail(d.message)
            default: break
            }
            return true
        }
        XCTAssertEqual(loaded, 2)
    }
}
