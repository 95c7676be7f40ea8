import XCTest
@testable import SiklusLanguage

/// `connect`, `disconnect` and `load <table> table "…"`: running on an engine (issue 12).
final class ParserEngineTests: XCTestCase {
    func testConnectParsesEngineAndTarget() throws {
        let (statement, parsed) = try XCTUnwrap(parseOne(#"CONNECT Postgres "host=localhost dbname=shop""#))
        guard case .connect(let connect) = statement.kind else { return XCTFail("expected connect, got \(statement.kind)") }
        XCTAssertEqual(connect.engine.value, .postgres)
        XCTAssertEqual(parsed.text(connect.engine.span), "Postgres")
        XCTAssertEqual(connect.target?.value, "host=localhost dbname=shop")
        XCTAssertEqual(connect.resolvedTarget, "host=localhost dbname=shop")

        let (url, _) = try XCTUnwrap(parseOne(#"connect postgres "postgresql://ana@db.example/shop?sslmode=require""#))
        guard case .connect(let byURL) = url.kind else { return XCTFail() }
        XCTAssertEqual(byURL.resolvedTarget, "postgresql://ana@db.example/shop?sslmode=require")
        // An empty conninfo is libpq's defaults (PGHOST, PGDATABASE, …): allowed.
        let (defaults, _) = try XCTUnwrap(parseOne(#"connect postgres """#))
        guard case .connect(let empty) = defaults.kind else { return XCTFail() }
        XCTAssertEqual(empty.target?.value, "")
    }

    func testConnectSparkAloneIsLocalTwo() throws {
        let (statement, _) = try XCTUnwrap(parseOne("connect spark"))
        guard case .connect(let connect) = statement.kind else { return XCTFail() }
        XCTAssertEqual(connect.engine.value, .spark)
        XCTAssertNil(connect.target)
        XCTAssertEqual(connect.resolvedTarget, "local[2]")
        let (cluster, _) = try XCTUnwrap(parseOne(#"connect spark "spark://host:7077""#))
        guard case .connect(let remote) = cluster.kind else { return XCTFail() }
        XCTAssertEqual(remote.resolvedTarget, "spark://host:7077")
    }

    func testDisconnectIsAStatement() throws {
        let (statement, _) = try XCTUnwrap(parseOne("disconnect"))
        XCTAssertEqual(statement.kind, .disconnect)
    }

    func testConnectMistakesAreLocatedWithFixes() {
        let postgres = singleError(#"connect postgress "host=x""#)
        XCTAssertTrue(postgres.contains("unknown engine `postgress`"), postgres)
        XCTAssertTrue(postgres.contains("did you mean `postgres`?"), postgres)
        XCTAssertTrue(postgres.contains("q.sik:1:9:"), postgres)
        XCTAssertTrue(postgres.contains("        ^~~~~~~~~"), postgres)

        let duck = singleError("connect duckdb")
        XCTAssertTrue(duck.contains("Siklus does not connect to DuckDB"), duck)

        let missing = singleError("connect postgres")
        XCTAssertTrue(missing.contains("expected a connection string in quotes after `connect postgres`, found end of input"), missing)
        XCTAssertTrue(missing.contains("libpq's defaults"), missing)

        let none = singleError("connect")
        XCTAssertTrue(none.contains("expected an engine (`postgres` or `spark`) after `connect`"), none)

        let emptySpark = singleError(#"connect spark """#)
        XCTAssertTrue(emptySpark.contains("the master URL is empty"), emptySpark)
        XCTAssertTrue(emptySpark.contains("q.sik:1:15:"), emptySpark)

        let extra = singleError(#"connect spark "local[4]" fast"#)
        XCTAssertTrue(extra.contains("unexpected `fast` after `connect spark \"…\"`"), extra)
        XCTAssertTrue(extra.contains("q.sik:1:26:"), extra)

        let unquoted = singleError("connect spark local")
        XCTAssertTrue(unquoted.contains("unexpected `local` after `connect spark`"), unquoted)

        let disconnect = singleError("disconnect postgres")
        XCTAssertTrue(disconnect.contains("unexpected `postgres` after `disconnect`"), disconnect)
    }

    func testLoadTableParsesNameAndMappings() throws {
        let text = #"load events table "sales.orders" map customer=cust_no ts="Ordered At" map amount=total"#
        let (statement, parsed) = try XCTUnwrap(parseOne(text))
        guard case .loadTable(let load) = statement.kind else { return XCTFail("expected loadTable, got \(statement.kind)") }
        XCTAssertEqual(load.table.value, .events)
        XCTAssertEqual(parsed.text(load.keyword), "table")
        XCTAssertEqual(load.name.value, "sales.orders")
        XCTAssertEqual(parsed.text(load.name.span), #""sales.orders""#)
        XCTAssertEqual(load.mappings.map(\.role.value), [.customer, .ts, .amount])
        XCTAssertEqual(load.mappings.map(\.column.text), ["cust_no", "Ordered At", "total"])
        XCTAssertEqual(parsed.text(statement.span), text)

        // A file called "table" is still a file; a word other than `table` is not a binding.
        let (file, _) = try XCTUnwrap(parseOne(#"load customers "table""#))
        guard case .load(let fileLoad) = file.kind else { return XCTFail("expected a file load") }
        XCTAssertEqual(fileLoad.path.value, "table")
    }

    func testFileOptionsOnATableLoadSayWhy() {
        let cases: [(String, String, String)] = [
            (#"load events table "t" delim=";""#, "`delim` is a file option", "no delimiter"),
            (#"load events table "t" header=false"#, "`header` is a file option", "named by the table"),
            (#"load events table "t" format ts="%d/%m/%Y""#, "`format` is a file option", "cast a text column"),
            (#"load events table "t" columns=(a, b)"#, "`columns` is a file option", "map role=column"),
            (#"load events table "t" ids=integer"#, "`ids` is a file option", "cast or rewrite"),
            (#"load events table "t" map customer=c replace"#, "`replace` is a file option", "binding another table"),
            (#"load events table "t" APPEND"#, "`APPEND` is a file option", "binding another table"),
        ]
        for (text, message, hint) in cases {
            let rendered = singleError(text)
            XCTAssertTrue(rendered.contains(message), "\(text): \(rendered)")
            XCTAssertTrue(rendered.contains(hint), "\(text): \(rendered)")
        }
        // The caret is under the option.
        let delim = singleError(#"load events table "t" delim=";""#)
        XCTAssertTrue(delim.contains("q.sik:1:23:"), delim)
        XCTAssertTrue(delim.contains("\n                        ^~~~~\n"), delim)
    }

    func testLoadTableMistakesAreLocated() {
        let noName = singleError("load events table")
        XCTAssertTrue(noName.contains("expected the engine table's name in quotes after `load events table`"), noName)
        XCTAssertTrue(noName.contains(#"load events table \"public.events\""#) || noName.contains(#"load events table "public.events""#), noName)

        let unquoted = singleError("load spend table ads")
        XCTAssertTrue(unquoted.contains("found `ads`"), unquoted)

        let empty = singleError(#"load events table " ""#)
        XCTAssertTrue(empty.contains("the table name is empty"), empty)

        let unknown = singleError(#"load events table "t" mapp customer=c"#)
        XCTAssertTrue(unknown.contains("unknown option of a table load `mapp`"), unknown)
        XCTAssertTrue(unknown.contains("did you mean `map`?"), unknown)

        let bareRole = singleError(#"load events table "t" customer=c"#)
        XCTAssertTrue(bareRole.contains("role mappings follow `map`"), bareRole)

        let misspelt = singleError(#"load events tabel "orders""#)
        XCTAssertTrue(misspelt.contains("did you mean `table`?"), misspelt)
    }

    func testConnectAndDisconnectAreReservedNames() {
        XCTAssertTrue(firstMessage("let connect = events").contains("is a keyword"))
        XCTAssertTrue(firstMessage("let disconnect = events").contains("is a keyword"))
        XCTAssertTrue(Keywords.statements.contains("connect"))
        XCTAssertTrue(Keywords.statements.contains("disconnect"))
    }
}
