import XCTest
import SiklusLanguage
import SiklusPlan
@testable import SiklusSQL

/// When the customers table gives every customer with an event a signup (`SQLSourceTables
/// .customersGiveEverySignup`, known for the tables Siklus writes), signup never falls back to the first
/// event: `people` reads the customers table alone and the facts are computed only when another fact is
/// read. Results are checked on PostgreSQL and Spark by the dialect matrix, whose demo data has every
/// signup and whose random data sets do not.
final class CompleteSignupsShapeTests: XCTestCase {
    private static let complete: SQLSourceTables = {
        var tables = SQLSourceTables.siklus
        tables.customersGiveEverySignup = true
        return tables
    }()

    private func lower(_ text: String, complete: Bool = true) throws -> SQLQuery {
        try ShapeFixture.lower(text, tables: complete ? Self.complete : .siklus)
    }

    func testASignupWindowReadsTheCustomersRowsInTheWindowAndNoFacts() throws {
        let query = try lower("cohort signup=2022-09 | stage retention | metric avg_order")
        XCTAssertEqual(query.ctes.map(\.name).filter { ["customer_facts", "signup_fallback"].contains($0) }, [],
                       "no customer is left whose signup the first event decides")
        let people = try ShapeFixture.cte("people", in: query)
        XCTAssertEqual(people.joins, [])
        guard case .subquery(let rows, alias: "c") = people.from, case .select(let window) = rows.body else {
            return XCTFail("people reads \(String(describing: people.from))")
        }
        XCTAssertEqual(window.from, .table("customers", alias: "c"))
        XCTAssertNotNil(window.filter, "the window's condition on the customers table's signup")
        XCTAssertEqual(SQLTableReferences.count(in: query)["events"], 1, "the events are read once, as the hand-written query does")
        // Without the guarantee the fallback set and its facts stay.
        let general = try lower("cohort signup=2022-09 | stage retention | metric avg_order", complete: false)
        XCTAssertTrue(general.ctes.contains { $0.name == "signup_fallback" })
    }

    func testSignupIsTheCustomersTablesAndTheFactsJoinIsLeft() throws {
        let people = try ShapeFixture.cte("people", in: try lower("cohort by signup period month | metric customers, revenue | sort cohort"))
        XCTAssertEqual(people.items.first, .named(.cast(.column("customer_id", table: "c"), .text), "customer_id"))
        XCTAssertTrue(people.items.contains(.named(.cast(.column("signup_date", table: "c"), .timestamp), "signup")), "\(people.items)")
        XCTAssertTrue(people.joins.allSatisfy { $0.kind == .left }, "\(people.joins)")
    }

    func testAQueryReadingAFactKeepsIt() throws {
        // First purchase is a fact: retention still reads it from the facts alone (`SQLPeopleFromFacts`).
        let retention = try lower("cohort by first_purchase period month | retention")
        let people = try ShapeFixture.cte("people", in: retention)
        XCTAssertEqual(people.from, .table("customer_facts", alias: "f"))
        XCTAssertEqual(SQLTableReferences.count(in: retention)["customers"], nil)
        // The acquisition channel falls back to the first event's channel: the join stays.
        let channel = try ShapeFixture.cte("people", in: try lower("cohort by channel | metric customers"))
        XCTAssertEqual(channel.joins.map(\.kind), [.left])
    }

    func testDroppingTheFactsJoinNeedsAnUnreadLeftJoin() {
        let facts = SQLJoin(.left, .table("customer_facts", alias: "f"), .on(.equal(.col("f", "customer_id"), .column("customer_id", table: "c"))))
        func query(_ items: [SQLSelectItem], join: SQLJoin = facts) -> SQLQuery {
            SQLQuery(ctes: [SQLCommonTableExpression("customer_facts", SQLQuery(SQLSelect([.column("customer_id")]))),
                            SQLCommonTableExpression("people", SQLQuery(SQLSelect(items, from: .table("customers", alias: "c"), joins: [join])))],
                     .select(SQLSelect([.all(table: nil)], from: .table("people", alias: nil))))
        }
        func joins(_ q: SQLQuery) throws -> Int { try ShapeFixture.cte("people", in: SQLColumnOnlyJoin.dropFacts(in: q, people: "people", facts: "customer_facts")).joins.count }
        XCTAssertEqual(try joins(query([.column("customer_id", table: "c")])), 0)
        XCTAssertEqual(try joins(query([.column("customer_id", table: "c"), .column("first_event", table: "f")])), 1, "a fact is read")
        XCTAssertEqual(try joins(query([.column("customer_id")])), 1, "an unqualified name may be the facts'")
        XCTAssertEqual(try joins(query([.all(table: nil)])), 1)
        var full = facts
        full.kind = .full
        XCTAssertEqual(try joins(query([.column("customer_id", table: "c")], join: full)), 1, "a FULL JOIN adds the facts' own customers")
    }
}
