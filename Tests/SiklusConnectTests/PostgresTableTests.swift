import SiklusConnect
import SiklusSQL
import XCTest

/// `columns(ofTable:)` reads the catalog; `createTable` replaces only TEMP tables, atomically.
final class PostgresTableTests: PostgresTestCase {
    func testColumnsOfSchemaTableTempTableAndView() throws {
        let connection = try connect()
        try connection.execute("""
            DROP SCHEMA IF EXISTS shop CASCADE; CREATE SCHEMA shop;
            DROP DOMAIN IF EXISTS shop.money_cents CASCADE; CREATE DOMAIN shop.money_cents AS int8;
            CREATE TABLE shop.orders (id int4, customer varchar(20), placed timestamptz, total numeric, paid bool, extra jsonb, cents shop.money_cents, gone int);
            ALTER TABLE shop.orders DROP COLUMN gone;
            CREATE VIEW shop.recent AS SELECT customer, placed FROM shop.orders
            """)
        XCTAssertEqual(try connection.columns(ofTable: "shop.orders"), [
            SQLTableColumn(name: "id", type: .integer), SQLTableColumn(name: "customer", type: .text),
            SQLTableColumn(name: "placed", type: .timestamp), SQLTableColumn(name: "total", type: .number),
            SQLTableColumn(name: "paid", type: .boolean), SQLTableColumn(name: "extra", type: .text),
            SQLTableColumn(name: "cents", type: .integer),
        ])
        XCTAssertEqual(try connection.columns(ofTable: "shop.recent").map(\.name), ["customer", "placed"])
        try connection.createTable("temp_events", columns: [SQLColumn(name: "Customer", values: .text(["a"]))])
        XCTAssertEqual(try connection.columns(ofTable: "temp_events"), [SQLTableColumn(name: "Customer", type: .text)])
        try connection.execute("DROP SCHEMA shop CASCADE")
    }

    func testMissingTableIsAnErrorNamingIt() throws {
        let connection = try connect()
        let error = engineError { _ = try connection.columns(ofTable: "nowhere.nothing") }
        XCTAssertEqual(error?.sqlState, "42P01")
        XCTAssertTrue(error?.message.contains("\"nowhere.nothing\"") == true, error?.message ?? "")
        let plain = engineError { _ = try connection.columns(ofTable: "no_table_here") }
        XCTAssertTrue(plain?.message.contains("no_table_here") == true, plain?.message ?? "")
        XCTAssertTrue(plain?.message.contains("searched pg_temp") == true || plain?.message.contains("public") == true, plain?.message ?? "")
    }

    func testCreateTableReplacesATempTableButNeverAPermanentOne() throws {
        let connection = try connect()
        try connection.execute("DROP TABLE IF EXISTS public.shadowed; CREATE TABLE public.shadowed (kept text); INSERT INTO public.shadowed VALUES ('permanent')")
        try connection.createTable("shadowed", columns: [SQLColumn(name: "n", values: .integer([1, 2]))])
        try connection.createTable("shadowed", columns: [SQLColumn(name: "n", values: .integer([3, 4, 5]))])
        XCTAssertEqual(try value(connection, "SELECT sum(n)::int8 FROM shadowed"), .integer([12]))
        XCTAssertEqual(try value(connection, "SELECT kept FROM public.shadowed"), .text(["permanent"]))
        try connection.execute("DROP TABLE public.shadowed")
    }

    func testFailedCreateTableLeavesThePreviousTable() throws {
        let connection = try connect()
        try connection.createTable("events", columns: [SQLColumn(name: "n", values: .integer([1, 2]))])
        // Year 292 billion: beyond PostgreSQL's timestamps, so the COPY fails on its second line.
        let error = engineError {
            try connection.createTable("events", columns: [SQLColumn(name: "ts", values: .timestamp([0, .max / 2]))])
        }
        XCTAssertTrue(error?.message.contains("cannot create table \"events\"") == true, error?.message ?? "")
        XCTAssertTrue(error?.message.contains("line 2") == true, "the COPY context names the line: \(error?.message ?? "")")
        XCTAssertEqual(try value(connection, "SELECT sum(n)::int8 FROM events"), .integer([3]))
    }

    func testCreateTableInsideAnOpenTransactionUsesASavepoint() throws {
        let connection = try connect()
        try connection.execute("BEGIN")
        try connection.createTable("in_tx", columns: [SQLColumn(name: "b", values: .boolean([true, nil]))])
        XCTAssertNotNil(engineError { try connection.createTable("in_tx", columns: [SQLColumn(name: "ts", values: .timestamp([.max / 2]))]) })
        try connection.execute("COMMIT")
        XCTAssertEqual(try value(connection, "SELECT count(*) FROM in_tx"), .integer([2]))
    }
}
