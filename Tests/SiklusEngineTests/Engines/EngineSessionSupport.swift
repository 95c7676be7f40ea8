import Foundation
import SiklusLanguage
import SiklusSQL
import SiklusTestSupport
import XCTest
@testable import SiklusEngine

/// A session whose `connect` opens fake engines, recording what it was asked.
final class FakeConnector: @unchecked Sendable {
    /// The (dialect, target) pairs `connect` asked for.
    private(set) var requests: [(SQLDialect, String)] = []
    /// The engines opened, in order.
    private(set) var opened: [FakeSQLEngine] = []
    /// Tables every new engine has.
    var tables: [String: [SQLTableColumn]] = [:]
    /// When set, the next connects fail with it.
    var failure: SQLEngineError?

    func connect(_ dialect: SQLDialect, _ target: String) throws(SQLEngineError) -> any SQLEngine {
        requests.append((dialect, target))
        if let failure { throw failure }
        let engine = FakeSQLEngine(dialect: dialect, summary: "\(dialect.displayName) fake #\(opened.count + 1) at \(target)", tables: tables)
        opened.append(engine)
        return engine
    }

    /// The engine opened last.
    var engine: FakeSQLEngine? { opened.last }
}

extension Session {
    /// A session connecting through `connector`.
    static func connecting(through connector: FakeConnector) -> Session {
        let session = Session()
        session.engineConnector = connector.connect
        return session
    }

    /// The outputs of `text`'s statements; fails the test at the first error.
    @discardableResult
    func outputs(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [StatementOutput] {
        var found: [StatementOutput] = []
        let source = SourceFile(name: "t.sik", text: text)
        run(source) { outcome in
            switch outcome {
            case .output(let output, _): found.append(output)
            case .failure(let d): XCTFail("`\(text)` failed:\n\(d.render(in: source))", file: file, line: line); return false
            }
            return true
        }
        return found
    }

    /// The text of each `.note` output of `text`, joined by newlines.
    func notes(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        outputs(text, file: file, line: line).compactMap { output -> String? in
            if case .note(let note) = output { return note }
            return nil
        }.joined(separator: "\n")
    }

    /// The first error of `text`, rendered with its caret (`t.sik:1:9: error: …`), or "" when none.
    func renderedFailure(_ text: String) -> String {
        let source = SourceFile(name: "t.sik", text: text)
        return failure(text).map { $0.render(in: source) } ?? ""
    }
}

/// The text values of a column written to an engine (dictionary codes decoded; -1 is nil).
func texts(_ values: SQLColumnValues?) -> [String?] {
    switch values {
    case .dictionary(let codes, let strings)?: codes.map { $0 < 0 ? nil : strings[Int($0)] }
    case .text(let values)?: values
    default: []
    }
}

extension Array where Element == SQLColumn {
    /// The column named `name`.
    subscript(named name: String) -> SQLColumnValues? { first { $0.name == name }?.values }
}
