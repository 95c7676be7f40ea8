import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusEngine
import SiklusLanguage

/// Runs every `Golden/*.sik` script on the demo data and compares the rendered outcomes with the
/// `.expected` file beside it. With `SIKLUS_RECORD=1` the expected files are written instead, and the
/// test fails so that a re-record is always deliberate.
///
/// Directives (comment lines of their own, anywhere in the script):
/// - `# no-spend`: load customers and events only;
/// - `# no-data`: load nothing.
///
/// Scripts load `data/…` files relative to `Golden`, without changing the process's working directory (unsafe
/// while tests run in parallel): each load's path is made absolute before it runs and the prefix is taken out
/// of its messages again, so the transcript reads as if the script ran in `Golden`.
final class GoldenQueryTests: XCTestCase {
    static func scripts() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: TestPaths.golden, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sik" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The transcript of one script: every outcome, separated by blank lines.
    static func transcript(of url: URL) throws -> String {
        let text = try String(contentsOf: url, encoding: .utf8)
        let directives = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        let session = Session()
        if !directives.contains("# no-data") {
            _ = try session.load(.customers, path: TestPaths.demoFile("customers.csv"))
            _ = try session.load(.events, path: TestPaths.demoFile("events.csv"))
            if !directives.contains("# no-spend") {
                _ = try session.load(.spend, path: TestPaths.demoFile("spend.csv"))
            }
        }
        let source = SourceFile(name: url.lastPathComponent, text: text)
        return run(source, in: session).map { PlainTable.render($0, in: source) }.joined(separator: "\n\n") + "\n"
    }

    /// `Session.run`'s outcomes, statement by statement with parse errors in their place, but with relative
    /// load paths resolved against `Golden`.
    static func run(_ source: SourceFile, in session: Session) -> [StatementOutcome] {
        let parsed = Parser.parse(source)
        var items: [(start: Int, outcome: () -> StatementOutcome)] = parsed.statements.map { statement in
            (statement.span.start, { session.execute(resolvingLoadPath(statement), in: source) })
        }
        items += parsed.diagnostics.map { diagnostic in (diagnostic.span?.start ?? 0, { .failure(diagnostic) }) }
        let prefix = TestPaths.golden.path + "/"
        return items.sorted { $0.start < $1.start }.map { item in
            let outcome = item.outcome()
            guard case .failure(var diagnostic) = outcome else { return outcome }
            diagnostic.message = diagnostic.message.replacingOccurrences(of: prefix, with: "")
            diagnostic.hints = diagnostic.hints.map { $0.replacingOccurrences(of: prefix, with: "") }
            return .failure(diagnostic)
        }
    }

    /// `statement` with a relative load path made absolute under `Golden`; spans are unchanged.
    static func resolvingLoadPath(_ statement: StatementNode) -> StatementNode {
        guard case .load(var load) = statement.kind, !load.path.value.hasPrefix("/") else { return statement }
        load.path.value = TestPaths.golden.appendingPathComponent(load.path.value).path
        return StatementNode(.load(load), at: statement.span)
    }

    func testGoldenScripts() throws {
        let scripts = try Self.scripts()
        XCTAssertGreaterThan(scripts.count, 10, "golden scripts missing from \(TestPaths.golden.path)")
        for script in scripts {
            let expected = script.deletingPathExtension().appendingPathExtension("expected")
            GoldenFile.assertMatches(try Self.transcript(of: script), at: expected)
        }
    }

    func testEveryExpectedFileHasAScript() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.golden.path)
        for name in files where name.hasSuffix(".expected") {
            let script = String(name.dropLast(".expected".count)) + ".sik"
            XCTAssertTrue(files.contains(script), "\(name) has no \(script)")
        }
    }
}
