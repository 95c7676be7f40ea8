import Foundation
@testable import SiklusEngine
import SiklusLanguage
import SiklusPlan
@testable import SiklusSQL
import SiklusStore
import SiklusTestSupport
import SiklusTime

/// Line items in the UCI Online Retail shape (`OnlineRetailLines`), loaded into a session from a CSV
/// file, and the same tables as Siklus writes
/// them to an engine when connected (`StoreTableColumns`: the loader's amount = Quantity × UnitPrice, the
/// order column as text, `siklus_load_order`), bound through `EngineCatalog` as the remote run does.
final class LineItemFixture {
    /// The engine table's name (beside `LoweringFixture`'s tables).
    static let table = "retail_lines"

    let files = TestFiles()
    let session = Session()
    private(set) var lines: [String] = []

    init(seed: UInt64) throws {
        lines = OnlineRetailLines.rows(seed: seed)
        _ = try session.load(.events, path: files.write("online_retail.csv", OnlineRetailLines.csv(lines)))
    }

    /// The engine tables as Siklus writes them when connected, bound as the remote run binds them.
    var engineCatalog: EngineCatalog {
        let binding = StoreTableColumns(.events, of: session.store).binding(.events, engineTable: Self.table, files: ["online_retail.csv"])
        return EngineCatalog(bindings: [.events: binding], staging: session.store, settings: session.settings, stageMap: session.stageMap, dialect: .duckdb)
    }

    /// `CREATE TABLE`/`VIEW` statements making the line-item table in the engine of `dialect`.
    func createStatements(_ dialect: SQLDialect) throws -> [String] {
        let printer = SQLPrinter(dialect)
        let columns = StoreTableColumns(.events, of: session.store).columns
        let count = columns.first?.values.count ?? 0
        func cell(_ values: SQLColumnValues, _ r: Int) -> (SQLExpression, SQLType) {
            switch values {
            case .text(let v): (v[r].map(SQLExpression.text) ?? .null, .text)
            case .dictionary(let codes, let strings): (codes[r] < 0 ? .null : .text(strings[Int(codes[r])]), .text)
            case .integer(let v): (v[r].map(SQLExpression.integer) ?? .null, .bigint)
            case .number(let v): (v[r].map(SQLExpression.number) ?? .null, .double)
            case .timestamp(let v): (v[r].map(SQLExpression.timestamp) ?? .null, .timestamp)
            case .boolean(let v): (v[r].map(SQLExpression.boolean) ?? .null, .boolean)
            }
        }
        let rows = try (0..<count).map { r in "(" + (try columns.map { try printer.expression(cell($0.values, r).0) }).joined(separator: ", ") + ")" }
        let casts = columns.enumerated().map { i, column in
            "CAST(c\(i) AS \(dialect.definition.typeName(cell(column.values, 0).1))) AS \(printer.identifier(column.name))"
        }
        let create = dialect == .spark ? "CREATE OR REPLACE TEMPORARY VIEW" : "CREATE TABLE"
        return ["\(create) \(Self.table) AS SELECT \(casts.joined(separator: ", ")) FROM (VALUES \(rows.joined(separator: ", "))) AS v(\(columns.indices.map { "c\($0)" }.joined(separator: ", ")))"]
            + (dialect == .spark ? ["CACHE TABLE \(Self.table)"] : [])
    }

    /// Siklus's own table for `pipeline`, and the pipeline lowered against the engine tables' catalog.
    func expectation(_ pipeline: String) throws -> (ResultTable, SQLLoweredQuery) {
        let expected = try session.query(pipeline)
        let parsed = Parser.parse(SourceFile(name: "<test>", text: pipeline))
        guard case .pipeline(let syntax)? = parsed.statements.first?.kind else { throw EngineFailure("not a pipeline: \(pipeline)") }
        let engine = engineCatalog
        let logical = try Binder(catalog: engine.catalog).bind(syntax)
        return (expected, try SQLLowering(catalog: engine.catalog, tables: engine.tables).lower(logical))
    }
}
