import XCTest
import SiklusLanguage
import SiklusPlan
@testable import SiklusSQL

/// Lowers pipelines for the shape tests over a catalog with a customers table (signup, country) and
/// reads their CTEs.
enum ShapeFixture {
    static let catalog = Catalog(
        events: Catalog.Table(isLoaded: true, columns: []),
        customers: Catalog.Table(isLoaded: true, columns: [.init(name: "signup_date", kind: .time, role: "signup"),
                                                           .init(name: "country", kind: .text, role: "country")]),
        spend: Catalog.Table(isLoaded: false, columns: []))

    static func lower(_ text: String, catalog: Catalog = catalog, tables: SQLSourceTables = .siklus) throws -> SQLQuery {
        let parsed = Parser.parse(SourceFile(name: "<test>", text: text))
        guard case .pipeline(let pipeline)? = parsed.statements.first?.kind else { throw SQLNotExpressible("not a pipeline") }
        return try SQLLowering(catalog: catalog, tables: tables).lower(try Binder(catalog: catalog).bind(pipeline)).query
    }

    static func cte(_ name: String, in query: SQLQuery) throws -> SQLSelect {
        let cte = try XCTUnwrap(query.ctes.first { $0.name == name }, "no \(name) in \(query.ctes.map(\.name))")
        guard case .select(let select) = cte.query.body else { throw SQLNotExpressible("\(name) is not a select: \(cte.query.body)") }
        return select
    }
}
