import SiklusConnect
import SiklusSQL
import XCTest

/// Values written by `createTable` (COPY FROM STDIN) come back unchanged from a SELECT.
final class PostgresRoundTripTests: PostgresTestCase {
    private let texts: [String?] = [
        "plain", "tab\there", "line\nbreak", "cr\rreturn", "back\\slash", "\\N", "", nil,
        "ünïcødé 日本語 🎉", "\\.", "trailing\\", "two\t\ttabs\n\n", "quote \" and ' apostrophe", "x",
    ]
    private let integers: [Int64?] = [.min, .max, 0, -1, 1, nil, 42, -9_007_199_254_740_993, 9_007_199_254_740_993, 7, 8, 9, 10, 11]
    private let numbers: [Double?] = [
        0.1, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1.0 / 3.0, .nan, .infinity, -.infinity, nil,
        1e-300, 123_456_789_012_345_680, 2.2250738585072014e-308, 0.30000000000000004,
    ]
    private let timestamps: [Int64?] = [
        0, -1, 1, 1_672_653_600, nil,
        253_402_300_799,        // 9999-12-31 23:59:59
        -62_135_596_800,        // 0001-01-01 00:00:00
        -62_135_596_801,        // 0001-12-31 23:59:59 BC
        -62_162_121_600,        // 0001-02-29 BC (astronomical year 0 is a leap year)
        -210_866_803_200,       // 4714-11-24 00:00:00 BC, PostgreSQL's earliest timestamp
        9_224_318_015_999,      // 294276-12-31 23:59:59, its latest
        3_155_760_000_000,      // a six-digit year (101972)
        951_782_400,            // 2000-02-29
        -86_401,
    ]
    private let booleans: [Bool?] = [true, false, nil, true, false, true, true, false, nil, true, false, false, true, nil]

    func testEveryValueTypeRoundTripsThroughCopy() throws {
        let connection = try connect()
        let count = texts.count
        let dictionary = ["a\tb", "", "c\\d", "日本"]
        let codes: [Int32] = (0..<count).map { $0 % 5 == 4 ? -1 : Int32($0 % 5) }
        try connection.createTable("round trip", columns: [
            SQLColumn(name: "id", values: .integer((0..<count).map { Int64($0) })),
            SQLColumn(name: "text \"col\"", values: .text(texts)),
            SQLColumn(name: "dict", values: .dictionary(codes: codes, strings: dictionary)),
            SQLColumn(name: "int", values: .integer(integers)),
            SQLColumn(name: "num", values: .number(numbers)),
            SQLColumn(name: "ts", values: .timestamp(timestamps)),
            SQLColumn(name: "flag", values: .boolean(booleans)),
        ])
        let rows = try connection.query("SELECT * FROM \"round trip\" ORDER BY id", isCancelled: { false })
        XCTAssertEqual(rows.columns.map(\.name), ["id", "text \"col\"", "dict", "int", "num", "ts", "flag"])
        XCTAssertEqual(rows.columns[1].values, .text(texts))
        XCTAssertEqual(rows.columns[2].values, .text(codes.map { $0 < 0 ? nil : dictionary[Int($0)] }))
        XCTAssertEqual(rows.columns[3].values, .integer(integers))
        guard case .number(let gotNumbers) = rows.columns[4].values else { return XCTFail("num is \(rows.columns[4].values.type)") }
        // Bit patterns, so NaN and -0.0 are compared exactly too.
        XCTAssertEqual(gotNumbers.map { $0?.bitPattern }, numbers.map { $0?.bitPattern })
        XCTAssertEqual(rows.columns[5].values, .timestamp(timestamps))
        XCTAssertEqual(rows.columns[6].values, .boolean(booleans))
        // The server stored the calendar dates Siklus meant, not merely values that read back the same.
        XCTAssertEqual(try value(connection, "SELECT ts::text FROM \"round trip\" WHERE id = 7"), .text(["0001-12-31 23:59:59 BC"]))
        XCTAssertEqual(try value(connection, "SELECT ts::text FROM \"round trip\" WHERE id = 10"), .text(["294276-12-31 23:59:59"]))
        XCTAssertEqual(try value(connection, "SELECT octet_length(\"text \"\"col\"\"\") FROM \"round trip\" WHERE id = 2"), .integer([10]))
    }

    func testResultTypesFollowTheColumnTypeOIDs() throws {
        let connection = try connect()
        let rows = try connection.query("""
            SELECT 1::int2 AS a, 2::int4 AS b, 3::int8 AS c, 1.5::float4 AS d, 2.25::float8 AS e, 12.5::numeric AS f,
                   'x'::varchar AS g, 'y'::char(3) AS h, 'z'::name AS i, true AS j, DATE '2023-01-02' AS k,
                   TIMESTAMPTZ '2023-01-02 10:00:00+05:30' AS l, '{"a":1}'::jsonb AS m, NULL::int8 AS n, 'NaN'::numeric AS o
            """, isCancelled: { false })
        XCTAssertEqual(rows.columns.prefix(14).map(\.values), [
            .integer([1]), .integer([2]), .integer([3]), .number([1.5]), .number([2.25]), .number([12.5]),
            .text(["x"]), .text(["y  "]), .text(["z"]), .boolean([true]), .timestamp([1_672_617_600]),
            .timestamp([1_672_633_800]), .text(["{\"a\": 1}"]), .integer([nil]),
        ])
        guard case .number(let nan) = rows.columns[14].values else { return XCTFail("numeric NaN is not a number column") }
        XCTAssertTrue(nan.first??.isNaN == true)
    }

    func testFractionalSecondsTruncateTowardMinusInfinity() throws {
        let connection = try connect()
        XCTAssertEqual(try value(connection, "SELECT TIMESTAMP '1969-12-31 23:59:59.5'"), .timestamp([-1]))
        XCTAssertEqual(try value(connection, "SELECT TIMESTAMP '1970-01-01 00:00:00.999999'"), .timestamp([0]))
        XCTAssertEqual(try value(connection, "SELECT TIMESTAMPTZ '2023-01-02 10:00:00.25-03:00'"), .timestamp([1_672_664_400]))
    }

    func testInfiniteTimestampIsAnErrorWithTheReason() throws {
        let connection = try connect()
        let error = engineError { _ = try connection.query("SELECT TIMESTAMP 'infinity' AS open_end", isCancelled: { false }) }
        XCTAssertTrue(error?.message.contains("\"open_end\" row 1") == true, error?.message ?? "")
        XCTAssertTrue(error?.message.contains("no Unix time") == true, error?.message ?? "")
        XCTAssertEqual(try value(connection, "SELECT 1"), .integer([1]), "the session stays usable")
    }

    func testNumericTooLargeForADoubleIsAnError() throws {
        let connection = try connect()
        let error = engineError { _ = try connection.query("SELECT ('1' || repeat('0', 400))::numeric AS huge", isCancelled: { false }) }
        XCTAssertTrue(error?.message.contains("cannot read column \"huge\" row 1 as number") == true, error?.message ?? "")
    }

    func testSeveralStatementsKeepTheLastRows() throws {
        let connection = try connect()
        let rows = try connection.query("SELECT 1 AS first; CREATE TEMP TABLE s (a int); SELECT 'two' AS second", isCancelled: { false })
        XCTAssertEqual(rows.columns, [SQLColumn(name: "second", values: .text(["two"]))])
    }
}
