import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage

/// `in (…)` lists and customer ids written as numbers.
final class MembershipAndIDTextTests: XCTestCase {
    // MARK: `in` over long lists

    /// `where customer in (300 ids)` over 3M customers tested all 300 values per customer (20 s).
    func testLongListsCompileToASetLookup() throws {
        let session = try Session.demo()
        let context = session.context()
        let ids = (0..<300).map { session.store.customerIDs[Int32($0 * 7)] }
        let text = "events | where customer in (\(ids.map { "\"\($0)\"" }.joined(separator: ", "))) | metric customers"
        let values = try XCTUnwrap(membershipValues(text, session))
        guard case .codes(let codes) = MembershipTest.compile(.customerID, values, context) else {
            return XCTFail("300 ids should compile to a set of codes")
        }
        XCTAssertEqual(codes, Set((0..<300).map { Int32($0 * 7) }))
        let inScope = try session.query("events | by customer | metric customers").texts("customer").compactMap { $0 }
        XCTAssertEqual(try session.query(text).scalar("customers"), Double(Set(ids).intersection(inScope).count))
        // Short lists keep testing value by value.
        guard case .values(let matchers) = MembershipTest.compile(.customerID, Array(values.prefix(3)), context) else {
            return XCTFail("3 ids stay a list")
        }
        XCTAssertEqual(matchers.count, 3)
    }

    /// Long lists give the same rows as the equivalent `or` chain, for text, numbers and times (with ranges).
    func testLongListsMatchTheSameRowsAsComparisons() throws {
        let session = try Session.demo()
        let lists = [
            ("event", ["visit", "purchase", "login", "review", "cancel", "demo", "webinar", "compare", "share", "nothing"]),
            ("amount", ["25.5", "10", "100", "12.5", "49.99", "-1", "0", "75", "30", "19.99"]),
            ("ts", ["2022-09", "2022-09-14", "2023-Q1", "2023-01..2023-02", "2022-01-01", "2022-12", "2023-06-30", "2022-03", "2023-11"]),
        ]
        for (column, values) in lists {
            XCTAssertGreaterThan(values.count, MembershipTest.linearLimit)
            let list = try session.query("events | where \(column) in (\(values.joined(separator: ", "))) | by channel | metric events")
            let chain = try session.query("events | where \(values.map { "\(column) = \($0)" }.joined(separator: " or ")) | by channel | metric events")
            XCTAssertEqual(list, chain, column)
            let negated = try session.query("events | where \(column) not in (\(values.joined(separator: ", "))) | metric events")
            let negatedChain = try session.query("events | where \(values.map { "\(column) != \($0)" }.joined(separator: " and ")) | metric events")
            XCTAssertEqual(negated, negatedChain, column)
        }
    }

    /// The values of the pipeline's first `in (…)` condition, bound as the engine binds them.
    private func membershipValues(_ text: String, _ session: Session) throws -> [FilterValue]? {
        let parsed = Parser.parse(SourceFile(name: "<test>", text: text))
        guard case .pipeline(let pipeline)? = parsed.statements.first?.kind else { return nil }
        for step in pipeline.steps {
            if case .filter(let condition) = step.kind, case .member(_, let values, _, _) = try Binder(catalog: session.context().catalog).condition(condition) {
                return values
            }
        }
        return nil
    }

    // MARK: Customer ids are text

    private func idSession() throws -> Session {
        let dir = try TestPaths.temporaryDirectory("id-text")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("events.csv")
        try """
        customer_id,ts,event,amount
        17,2023-01-01 10:00:00,purchase,1
        00017,2023-01-02 10:00:00,purchase,2
        17850.0,2023-01-03 10:00:00,purchase,4
        17850,2023-01-04 10:00:00,purchase,8
        """.write(to: path, atomically: true, encoding: .utf8)
        let session = Session()
        _ = try session.load(.events, path: path.path)
        return session
    }

    /// `customer = 00017` matched customer `17`, and `= 1.785e4` matched `17850.0`: the number was re-printed.
    func testUnquotedNumbersCompareWithCustomerIdsAsWritten() throws {
        let session = try idSession()
        func revenue(_ condition: String) throws -> Double? {
            try session.query("events | where \(condition) | metric revenue").scalar("revenue")
        }
        XCTAssertEqual(try revenue("customer = 00017"), 2)
        XCTAssertEqual(try revenue("customer = 17"), 1)
        XCTAssertEqual(try revenue("customer = 17850.0"), 4)
        XCTAssertEqual(try revenue("customer = 17850"), 8)
        XCTAssertEqual(try revenue("customer = 1.785e4"), 0)
        XCTAssertEqual(try revenue("customer != 00017"), 13)
        XCTAssertEqual(try revenue("customer in (00017, 17850.0)"), 6)
        XCTAssertEqual(try revenue("customer in (0, 1, 2, 3, 4, 5, 6, 7, 8, 00017, 17850.0)"), 6)
        XCTAssertEqual(try revenue("00017 = customer"), 2)
        XCTAssertEqual(try session.query("cohort customer = 00017 | metric revenue").scalar("revenue"), 2)
    }

    func testTheParserKeepsALiteralsSourceText() throws {
        let parsed = Parser.parse(SourceFile(name: "<test>", text: "events | where customer in (00017, 1.785e4, -5, x)"))
        guard case .pipeline(let pipeline)? = parsed.statements.first?.kind, case .filter(let condition) = pipeline.steps[0].kind,
              case .membership(_, _, let values) = condition.kind else {
            return XCTFail("expected a membership")
        }
        XCTAssertEqual(values.map(\.sourceText), ["00017", "1.785e4", "-5", "x"])
    }
}
