import XCTest
import SiklusLanguage
import SiklusPlan
@testable import SiklusSQL

/// What the lowering cannot express yet is refused with an error naming the construct, never SQL.
final class LoweringRefusalTests: XCTestCase {
    private let catalog = Catalog(
        events: Catalog.Table(isLoaded: true, columns: [.init(name: "device", kind: .text)]),
        customers: Catalog.Table(isLoaded: true, columns: [.init(name: "country", kind: .text, role: "country")]),
        spend: Catalog.Table(isLoaded: true, columns: [.init(name: "date", kind: .time, role: "date"), .init(name: "channel", kind: .text, role: "channel"),
                                                       .init(name: "spend", kind: .number, role: "spend")]))

    private func lower(_ text: String, _ catalog: Catalog? = nil) throws -> SQLLoweredQuery {
        let parsed = Parser.parse(SourceFile(name: "<test>", text: text))
        guard case .pipeline(let pipeline)? = parsed.statements.first?.kind else { throw SQLNotExpressible("not a pipeline") }
        let bound = try Binder(catalog: catalog ?? self.catalog).bind(pipeline)
        return try SQLLowering(catalog: catalog ?? self.catalog).lower(bound)
    }

    private func assertRefused(_ text: String, naming construct: String, _ catalog: Catalog? = nil, line: UInt = #line) {
        XCTAssertThrowsError(try lower(text, catalog), line: line) { error in
            guard let refusal = error as? SQLNotExpressible else { return XCTFail("\(error)", line: line) }
            XCTAssertTrue(refusal.construct.contains(construct), "\(refusal.construct)", line: line)
        }
    }

    func testRefusals() throws {
        // Siklus rejects this too: spend has only dates and channels. (A funnel by an event dimension is
        // trends or a breakdown since issue 13 and lowers: `FunnelSplitEngineTests`.)
        assertRefused("events | by device | metric spend", naming: "spend grouped by device")
        XCTAssertNoThrow(try lower("events | by month | funnel visit -> purchase"))
    }

    func testEveryDialectPrintsWhatIsLowered() throws {
        // `where` on a customer column or an event column reads the customer's columns in the events CTE.
        let lowered = try lower("cohort by country | where country = DE or amount > 20 | by month | metric conversion_rate, ltv, time_to_purchase | top 3")
        for dialect in SQLDialect.allCases {
            let sql = try lowered.sql(dialect)
            XCTAssertTrue(sql.hasPrefix("WITH"), sql)
            XCTAssertEqual(dialect == .duckdb, sql.contains("EXCLUDE"), "\(dialect): \(sql)")
        }
        XCTAssertEqual(lowered.columns, ["cohort", "month", "conversion_rate", "ltv", "time_to_purchase"])
    }
}
