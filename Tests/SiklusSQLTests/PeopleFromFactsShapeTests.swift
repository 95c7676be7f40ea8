import XCTest
import SiklusLanguage
import SiklusPlan
@testable import SiklusSQL

/// `people` is read from the facts alone when no customers-table column but the id is read and every
/// reader keeps only the customers with a fact (`SQLPeopleFromFacts`). Results are checked on the engines
/// by `LoweringEngineTests` and the dialect matrix.
final class PeopleFromFactsShapeTests: XCTestCase {
    private func lower(_ text: String) throws -> SQLQuery { try ShapeFixture.lower(text) }

    private func cte(_ name: String, in query: SQLQuery) throws -> SQLSelect { try ShapeFixture.cte(name, in: query) }

    func testFirstPurchaseRetentionReadsTheFactsWithoutJoiningTheCustomersTable() throws {
        // Retention's anchors keep `first_purchase IS NOT NULL` only: the FULL JOIN of every customers row
        // added nothing but the same id, and the facts' branch of customers without a purchase nothing at all.
        let query = try lower("cohort by first_purchase period month | retention")
        let people = try cte("people", in: query)
        XCTAssertEqual(people.from, .table("customer_facts", alias: "f"))
        XCTAssertEqual(people.joins, [])
        XCTAssertEqual(people.filter, .isNull(.column("first_purchase", table: "f"), negated: true))
        let facts = try cte("customer_facts", in: query)
        XCTAssertNil(facts.having)
        XCTAssertEqual(SQLTableReferences.count(in: query)["customers"], nil, "the customers table is not read")
    }

    func testAReaderOfEveryCustomerKeepsTheJoin() throws {
        // `(none)` counts the customers without a first purchase, from either table.
        for pipeline in ["cohort by first_purchase period month | metric customers",
                         "cohort by first_purchase period month | by country | metric customers"] {
            let people = try cte("people", in: try lower(pipeline))
            XCTAssertEqual(people.joins.map(\.kind), [.full], pipeline)
            XCTAssertEqual(people.from, .table("customers", alias: "c"), pipeline)
        }
    }

    func testTheReadersCheckFollowsStarButNotTheFinalQuery() throws {
        let kept = SQLSelect([.all(table: nil)], from: .table("people", alias: nil), where: .isNull(.column("first_purchase"), negated: true))
        let passOn = SQLSelect([.all(table: nil), .named(.text("x"), "cohort")], from: .table("people", alias: "p"))
        let anchors = SQLSelect([.column("customer_id")], from: .table("customers_1", alias: nil),
                                where: .binary(.isNull(.column("first_purchase"), negated: true), .and, .boolean(true)))
        let all = SQLSelect([.column("customer_id")], from: .table("customers_1", alias: nil))
        func query(_ readers: [(String, SQLSelect)], body: SQLSelect = SQLSelect([.integer(1)].map { .named($0, "x") })) -> SQLQuery {
            SQLQuery(ctes: [SQLCommonTableExpression("people", SQLQuery(SQLSelect([.column("customer_id")])))]
                     + readers.map { SQLCommonTableExpression($0.0, SQLQuery($0.1)) }, .select(body))
        }
        XCTAssertTrue(SQLPeopleFromFacts.readersKeepNonNull(query([("a", kept)]), of: "people", column: "first_purchase"))
        XCTAssertTrue(SQLPeopleFromFacts.readersKeepNonNull(query([("customers_1", passOn), ("anchors", anchors)]), of: "people", column: "first_purchase"))
        XCTAssertFalse(SQLPeopleFromFacts.readersKeepNonNull(query([("customers_1", passOn), ("anchors", anchors), ("b", all)]), of: "people", column: "first_purchase"))
        XCTAssertFalse(SQLPeopleFromFacts.readersKeepNonNull(query([("a", kept)], body: SQLSelect([.all(table: nil)], from: .table("people", alias: nil))),
                                                             of: "people", column: "first_purchase"))
        XCTAssertFalse(SQLPeopleFromFacts.readersKeepNonNull(query([("customers_1", passOn)]), of: "people", column: "first_purchase"),
                       "a reader nothing filters")
    }
}
